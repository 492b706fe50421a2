/**
 * One stage of newsalert: the HTTP API, one Lambda per job, the table, and the right to
 * manage segment topics under the stack's own name prefix.
 */
import { Aws, CfnOutput, Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { AttributeType, Billing, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { fileURLToPath } from 'node:url';
import type { StageConfig } from './config.js';

const entry = (name: string) => fileURLToPath(new URL(`../functions/${name}.ts`, import.meta.url));

export class NewsalertStack extends Stack {
  readonly api: HttpApi;
  readonly table: TableV2;
  readonly functions: Record<'articles' | 'subscriptions' | 'health' | 'sweeper', NodejsFunction>;

  constructor(scope: Construct, id: string, config: StageConfig, props?: StackProps) {
    super(scope, id, props);
    const prod = config.stage === 'prod';

    this.table = new TableV2(this, 'Table', {
      partitionKey: { name: 'pk', type: AttributeType.STRING },
      sortKey: { name: 'sk', type: AttributeType.STRING },
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryptionV2.awsManagedKey(),
      timeToLiveAttribute: 'expiresAt',
      deletionProtection: prod,
      removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      globalSecondaryIndexes: [
        { indexName: 'gsi1', partitionKey: { name: 'gsi1pk', type: AttributeType.STRING }, sortKey: { name: 'gsi1sk', type: AttributeType.STRING } },
        // Sparse: only alerts still to publish carry pendingPk; the sweeper reads it.
        { indexName: 'pending', partitionKey: { name: 'pendingPk', type: AttributeType.STRING }, sortKey: { name: 'dueAt', type: AttributeType.STRING } },
      ],
    });

    const topicPrefix = `newsalert-${config.stage}-seg`;
    // Pseudo-parameters, not the stack's env: the ARN (and cdk-nag's finding for it) reads the same in every account.
    const topicArnPattern = `arn:${Aws.PARTITION}:sns:${Aws.REGION}:${Aws.ACCOUNT_ID}:${topicPrefix}-*`;
    const environment: Record<string, string> = {
      TABLE_NAME: this.table.tableName,
      TOPIC_PREFIX: topicPrefix,
      ALERT_THRESHOLD: String(config.alertThreshold),
      POWERTOOLS_SERVICE_NAME: 'newsalert',
      POWERTOOLS_LOG_LEVEL: prod ? 'INFO' : 'DEBUG',
      ...(config.apnsPlatformApplicationArn && { APNS_PLATFORM_APPLICATION_ARN: config.apnsPlatformApplicationArn }),
      ...(config.fcmPlatformApplicationArn && { FCM_PLATFORM_APPLICATION_ARN: config.fcmPlatformApplicationArn }),
    };

    const make = (name: keyof NewsalertStack['functions'], options: { timeout?: Duration; memorySize?: number } = {}) => {
      const id = `${name[0]!.toUpperCase()}${name.slice(1)}`;
      const logGroup = new LogGroup(this, `${id}Logs`, {
        retention: prod ? RetentionDays.THREE_MONTHS : RetentionDays.TWO_WEEKS,
        removalPolicy: RemovalPolicy.DESTROY,
      });
      // An own role instead of AWSLambdaBasicExecutionRole: logs only to the function's own log group.
      const role = new Role(this, `${id}Role`, { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
      role.addToPolicy(new PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }));
      const fn = new NodejsFunction(this, `${id}Function`, {
        entry: entry(name),
        role,
        runtime: Runtime.NODEJS_24_X,
        architecture: Architecture.ARM_64,
        memorySize: options.memorySize ?? 1024,
        timeout: options.timeout ?? Duration.seconds(10),
        tracing: Tracing.ACTIVE,
        environment,
        logGroup,
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
        reason: 'X-Ray tracing: xray:PutTraceSegments and xray:PutTelemetryRecords take no resource-level permissions, AWS requires "*".',
      });
      return fn;
    };

    this.functions = {
      articles: make('articles'),
      subscriptions: make('subscriptions'),
      health: make('health', { memorySize: 256 }),
      sweeper: make('sweeper', { timeout: Duration.seconds(60) }),
    };
    const { articles, subscriptions, health, sweeper } = this.functions;

    // Least privilege: table access per function; topic management only under our prefix.
    this.table.grantReadWriteData(articles);
    this.table.grantReadWriteData(subscriptions);
    this.table.grantReadWriteData(sweeper);
    const publish = new PolicyStatement({ actions: ['sns:Publish'], resources: [topicArnPattern] });
    articles.addToRolePolicy(publish);
    sweeper.addToRolePolicy(publish);
    subscriptions.addToRolePolicy(
      new PolicyStatement({
        // Subscription ARNs are "<topic ARN>:<id>", so the same pattern scopes Unsubscribe.
        actions: ['sns:CreateTopic', 'sns:DeleteTopic', 'sns:TagResource', 'sns:Subscribe', 'sns:Unsubscribe', 'sns:GetTopicAttributes', 'sns:SetTopicAttributes'],
        resources: [topicArnPattern],
      }),
    );
    const platformApplications = [config.apnsPlatformApplicationArn, config.fcmPlatformApplicationArn].filter((arn): arn is string => !!arn);
    if (platformApplications.length > 0) {
      subscriptions.addToRolePolicy(new PolicyStatement({ actions: ['sns:CreatePlatformEndpoint'], resources: platformApplications }));
    }

    this.api = new HttpApi(this, 'Api', { description: `newsalert ${config.stage}`, createDefaultStage: false });
    const accessLogs = new LogGroup(this, 'ApiAccessLogs', {
      retention: prod ? RetentionDays.THREE_MONTHS : RetentionDays.TWO_WEEKS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: 50, burstLimit: 100 },
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: AccessLogFormat.jsonWithStandardFields() },
    });

    const route = (paths: string[], fn: NodejsFunction, methods: HttpMethod[]) => {
      const integration = new HttpLambdaIntegration(`${fn.node.id}Integration`, fn);
      for (const path of paths) this.api.addRoutes({ path, methods, integration });
    };
    route(['/health'], health, [HttpMethod.GET]);
    route(['/v1/articles', '/v1/articles/{proxy+}', '/v1/alerts', '/v1/alerts/{proxy+}'], articles, [HttpMethod.ANY]);
    route(['/v1/subscriptions', '/v1/subscriptions/{proxy+}'], subscriptions, [HttpMethod.ANY]);

    for (const route of this.api.node.findAll().filter((c) => c.node.id.includes('--'))) {
      Validations.of(route).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason: route.node.id === 'GET--health'
          ? '/health is public by design: it reveals nothing and load balancers and uptime checks call it without a key.'
          : 'Every route checks its Bearer key in the handler, against SHA-256 hashes of the keys in DynamoDB (functions/api/auth.ts); no secret lives in the template.',
      });
    }
    for (const fn of [articles, subscriptions, sweeper]) {
      Validations.of(fn.role!).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(this.table.node.defaultChild as never)}.Arn>/index/*]`,
        reason: 'Queries use the two indexes of this table only (gsi1 for listings, pending for the sweeper).',
      });
    }
    for (const fn of [articles, subscriptions, sweeper]) {
      Validations.of(fn.role!).acknowledge({
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:sns:<AWS::Region>:<AWS::AccountId>:${topicPrefix}-*]`,
        reason: 'Segment topics are created and deleted at run time, one per audience segment; the grant covers only this stage\'s own name prefix (and the subscriptions on those topics).',
      });
    }

    new Rule(this, 'SweepSchedule', {
      description: 'Publishes alerts that are still pending: nothing is lost when an inline publish fails.',
      schedule: Schedule.rate(Duration.minutes(1)),
      targets: [new LambdaFunction(sweeper, { retryAttempts: 2 })],
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.apiEndpoint });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'SegmentTopicPrefix', { value: topicPrefix });
  }
}
