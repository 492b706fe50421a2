#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx newsalert` needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../functions/local/cli-main.ts');
