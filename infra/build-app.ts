/** Builds the CDK app: one stack per stage, checked by cdk-nag's AwsSolutions rules at synth. */
import { App, Tags, Validations, type AppProps } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { stageConfig } from './stages.js';
import { NewsalertStack } from './newsalert-stack.js';

export function buildApp(props: AppProps = {}, env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION }) {
  const app = new App(props);
  const config = stageConfig(app.node);
  const stack = new NewsalertStack(app, `Newsalert-${config.stage}`, config, { env });
  Tags.of(stack).add('app', 'newsalert');
  Tags.of(stack).add('stage', config.stage);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}
