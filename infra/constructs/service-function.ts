/**
 * One Lambda of the service: Node.js 24 on arm64, an ESM bundle built locally by esbuild
 * (minified, with source maps), X-Ray tracing, Powertools settings, its own log group and
 * a role that may write only there.
 */
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { fileURLToPath } from 'node:url';

export interface ServiceFunctionProps {
  /** The handler file under functions/, without extension. */
  handler: string;
  environment: Record<string, string>;
  logRetention: RetentionDays;
  timeout?: Duration;
  memorySize?: number;
  reservedConcurrentExecutions?: number;
}

export function serviceFunction(scope: Construct, id: string, props: ServiceFunctionProps): NodejsFunction {
  const logGroup = new LogGroup(scope, `${id}Logs`, { retention: props.logRetention, removalPolicy: RemovalPolicy.DESTROY });
  // An own role instead of AWSLambdaBasicExecutionRole: logs only to the function's own log group.
  const role = new Role(scope, `${id}Role`, { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
  role.addToPolicy(new PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }));
  const fn = new NodejsFunction(scope, `${id}Function`, {
    entry: fileURLToPath(new URL(`../../functions/${props.handler}.ts`, import.meta.url)),
    role,
    runtime: Runtime.NODEJS_24_X,
    architecture: Architecture.ARM_64,
    memorySize: props.memorySize ?? 1024,
    timeout: props.timeout ?? Duration.seconds(10),
    tracing: Tracing.ACTIVE,
    environment: props.environment,
    logGroup,
    ...(props.reservedConcurrentExecutions !== undefined && { reservedConcurrentExecutions: props.reservedConcurrentExecutions }),
    bundling: {
      format: OutputFormat.ESM,
      minify: true,
      sourceMap: true,
      target: 'node24',
      forceDockerBundling: false,
      // ESM bundles need `require` for the few CommonJS dependencies inside.
      banner: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
      externalModules: [],
    },
  });
  Validations.of(role).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason: 'X-Ray tracing (xray:PutTraceSegments, PutTelemetryRecords) and, for the subscriptions function, SMS to a phone number (sns:Publish with PhoneNumber, sns:CheckIfPhoneNumberIsOptedOut) take no resource ARN: AWS requires "*".',
  });
  return fn;
}
