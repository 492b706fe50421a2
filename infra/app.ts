/** `cdk synth` / `cdk deploy` entry. */
import { buildApp } from './build-app.js';

buildApp().app.synth();
