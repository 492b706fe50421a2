/**
 * One stage of newsalert: the HTTP API, one Lambda per job, the table, the messaging
 * around the run-time segment topics, and the alarms and dashboard that watch it all.
 */
import { CfnOutput, Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { CorsHttpMethod, HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { AttributeType, Billing, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { Messaging } from './constructs/messaging.js';
import { METRICS_NAMESPACE, Observability } from './constructs/observability.js';
import { serviceFunction } from './constructs/service-function.js';
import type { StageConfig } from './stages.js';

type FunctionName = 'articles' | 'subscriptions' | 'health' | 'sweeper';

export class NewsalertStack extends Stack {
  readonly api: HttpApi;
  readonly table: TableV2;
  readonly functions: Record<FunctionName, NodejsFunction>;
  readonly messaging: Messaging;
  readonly observability: Observability;

  constructor(scope: Construct, id: string, config: StageConfig, props?: StackProps) {
    super(scope, id, props);

    this.table = new TableV2(this, 'Table', {
      partitionKey: { name: 'pk', type: AttributeType.STRING },
      sortKey: { name: 'sk', type: AttributeType.STRING },
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryptionV2.awsManagedKey(),
      timeToLiveAttribute: 'expiresAt',
      deletionProtection: config.retainData,
      removalPolicy: config.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      globalSecondaryIndexes: [
        { indexName: 'gsi1', partitionKey: { name: 'gsi1pk', type: AttributeType.STRING }, sortKey: { name: 'gsi1sk', type: AttributeType.STRING } },
        // Sparse: only alerts still to publish carry pendingPk; the sweeper reads it.
        { indexName: 'pending', partitionKey: { name: 'pendingPk', type: AttributeType.STRING }, sortKey: { name: 'dueAt', type: AttributeType.STRING } },
      ],
    });

    this.messaging = new Messaging(this, 'Messaging', config);
    const { key, topicPrefix, topicArnPattern, subscriptionDlq, deliveryStatusRole } = this.messaging;

    const environment: Record<string, string> = {
      TABLE_NAME: this.table.tableName,
      TOPIC_PREFIX: topicPrefix,
      TOPIC_KMS_KEY_ID: key.keyArn,
      SUBSCRIPTION_DLQ_ARN: subscriptionDlq.queueArn,
      DELIVERY_STATUS_ROLE_ARN: deliveryStatusRole.roleArn,
      DELIVERY_STATUS_SUCCESS_SAMPLE_RATE: String(config.deliveryStatusSuccessSampleRate),
      ALERT_THRESHOLD: String(config.alertThreshold),
      ...(config.holdBand && { HOLD_BAND: config.holdBand }),
      ...(config.storyWindowMinutes !== undefined && { STORY_WINDOW_MINUTES: String(config.storyWindowMinutes) }),
      ...(config.storyThreshold !== undefined && { STORY_THRESHOLD: String(config.storyThreshold) }),
      ...(config.topicBudgetPerHour !== undefined && { TOPIC_BUDGET_PER_HOUR: String(config.topicBudgetPerHour) }),
      POWERTOOLS_SERVICE_NAME: 'newsalert',
      POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
      POWERTOOLS_LOG_LEVEL: config.retainData ? 'INFO' : 'DEBUG',
      ...(config.smsSenderId && { SMS_SENDER_ID: config.smsSenderId }),
      ...(config.smsOriginationNumber && { SMS_ORIGINATION_NUMBER: config.smsOriginationNumber }),
      ...(config.apnsPlatformApplicationArn && { APNS_PLATFORM_APPLICATION_ARN: config.apnsPlatformApplicationArn }),
      ...(config.fcmPlatformApplicationArn && { FCM_PLATFORM_APPLICATION_ARN: config.fcmPlatformApplicationArn }),
    };
    const make = (name: FunctionName, options: { timeout?: Duration; memorySize?: number; reservedConcurrentExecutions?: number } = {}) =>
      serviceFunction(this, `${name[0]!.toUpperCase()}${name.slice(1)}`, { handler: name, environment, logRetention: config.logRetention, ...options });
    this.functions = {
      articles: make('articles'),
      subscriptions: make('subscriptions'),
      health: make('health', { memorySize: 256 }),
      // One sweep at a time in prod: overlapping sweeps would only contend for the same leases.
      sweeper: make('sweeper', {
        timeout: Duration.seconds(60),
        ...(config.sweeperReservedConcurrency !== undefined && { reservedConcurrentExecutions: config.sweeperReservedConcurrency }),
      }),
    };
    const { articles, subscriptions, health, sweeper } = this.functions;

    // Least privilege: table access per function; topic management only under our prefix.
    for (const fn of [articles, subscriptions, sweeper]) this.table.grantReadWriteData(fn);
    for (const fn of [articles, sweeper]) {
      fn.addToRolePolicy(new PolicyStatement({ actions: ['sns:Publish'], resources: [topicArnPattern] }));
      key.grant(fn, 'kms:GenerateDataKey*', 'kms:Decrypt');
    }
    subscriptions.addToRolePolicy(
      new PolicyStatement({
        // Subscription ARNs are "<topic ARN>:<id>", so the same pattern scopes Unsubscribe.
        actions: ['sns:CreateTopic', 'sns:DeleteTopic', 'sns:TagResource', 'sns:Subscribe', 'sns:Unsubscribe', 'sns:GetTopicAttributes', 'sns:SetTopicAttributes', 'sns:SetSubscriptionAttributes'],
        resources: [topicArnPattern],
      }),
    );
    // The sweeper removes the subscriptions that preference changes left behind.
    sweeper.addToRolePolicy(
      new PolicyStatement({ actions: ['sns:Unsubscribe', 'sns:SetSubscriptionAttributes', 'sns:DeleteTopic'], resources: [topicArnPattern] }),
    );
    subscriptions.addToRolePolicy(new PolicyStatement({ actions: ['iam:PassRole'], resources: [deliveryStatusRole.roleArn] }));
    // Confirmation texts go to a phone number, not a topic, and the opt-out check names a number: neither has a resource ARN.
    subscriptions.addToRolePolicy(new PolicyStatement({ actions: ['sns:Publish', 'sns:CheckIfPhoneNumberIsOptedOut'], resources: ['*'] }));
    const platformApplications = [config.apnsPlatformApplicationArn, config.fcmPlatformApplicationArn].filter((arn): arn is string => !!arn);
    if (platformApplications.length > 0) {
      subscriptions.addToRolePolicy(new PolicyStatement({ actions: ['sns:CreatePlatformEndpoint'], resources: platformApplications }));
    }
    const tableLogicalId = this.getLogicalId(this.table.node.defaultChild as never);
    for (const fn of [articles, subscriptions, sweeper]) {
      Validations.of(fn.role!).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${tableLogicalId}.Arn>/index/*]`,
        reason: 'Queries use the two indexes of this table only (gsi1 for listings, pending for the sweeper).',
      });
      Validations.of(fn.role!).acknowledge({
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:sns:<AWS::Region>:<AWS::AccountId>:${topicPrefix}-*]`,
        reason: "Segment topics are created and deleted at run time, one per audience segment; the grant covers only this stage's own name prefix (and the subscriptions on those topics).",
      });
    }
    for (const fn of [articles, sweeper]) {
      for (const action of ['kms:GenerateDataKey*']) {
        Validations.of(fn.role!).acknowledge({ id: `AwsSolutions-IAM5[Action::${action}]`, reason: 'Publishing to a KMS-encrypted topic needs data keys of its one key, in every key spec.' });
      }
    }

    this.api = new HttpApi(this, 'Api', {
      description: `newsalert ${config.stage}`,
      createDefaultStage: false,
      ...(config.corsOrigins.length > 0 && {
        corsPreflight: {
          allowOrigins: config.corsOrigins,
          allowHeaders: ['authorization', 'content-type'],
          allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.PATCH, CorsHttpMethod.DELETE],
          maxAge: Duration.hours(1),
        },
      }),
    });
    const accessLogs = new LogGroup(this, 'ApiAccessLogs', { retention: config.logRetention, removalPolicy: RemovalPolicy.DESTROY });
    new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: config.apiThrottle,
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: AccessLogFormat.jsonWithStandardFields() },
    });
    const route = (paths: string[], fn: NodejsFunction, methods: HttpMethod[]) => {
      const integration = new HttpLambdaIntegration(`${fn.node.id}Integration`, fn);
      for (const path of paths) this.api.addRoutes({ path, methods, integration });
    };
    // ANY: the handlers answer 405 for a method a path does not take; API Gateway answers CORS preflights itself.
    const methods = [HttpMethod.ANY];
    route(['/health'], health, [HttpMethod.GET]);
    route(['/v1/articles', '/v1/articles/{proxy+}', '/v1/alerts', '/v1/alerts/{proxy+}', '/v1/keys', '/v1/keys/{proxy+}', '/v1/openapi.json'], articles, methods);
    route(['/v1/subscriptions', '/v1/subscriptions/{proxy+}', '/v1/sms/{proxy+}'], subscriptions, methods);
    for (const child of this.api.node.children.filter((c) => c.node.id.includes('--'))) {
      Validations.of(child).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason: child.node.id === 'GET--health'
          ? '/health is public by design: it reveals nothing, and load balancers and uptime checks call it without a key.'
          : 'Every route checks its Bearer key in the handler, against SHA-256 hashes of the keys in DynamoDB (functions/api/auth.ts); no secret lives in the template.',
      });
    }

    const sweeperDlq = this.messaging.deadLetterQueue('SweeperDlq');
    new Rule(this, 'SweepSchedule', {
      description: 'Publishes alerts that are still pending: nothing is lost when an inline publish fails.',
      schedule: Schedule.rate(Duration.minutes(1)),
      targets: [new LambdaFunction(sweeper, { retryAttempts: 2, maxEventAge: Duration.minutes(5), deadLetterQueue: sweeperDlq })],
    });

    this.observability = new Observability(this, 'Observability', {
      config,
      key,
      api: this.api,
      functions: { Articles: articles, Subscriptions: subscriptions, Health: health, Sweeper: sweeper },
      deadLetterQueues: { SubscriptionDlq: subscriptionDlq, SweeperDlq: sweeperDlq },
      topicPrefix,
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.apiEndpoint, description: 'Base URL of the HTTP API' });
    new CfnOutput(this, 'TableName', { value: this.table.tableName, description: 'For `npx newsalert keys create --table`' });
    new CfnOutput(this, 'SegmentTopicPrefix', { value: topicPrefix, description: 'Segment topics are named <prefix>-<segment key>' });
    new CfnOutput(this, 'DashboardUrl', {
      value: `https://console.aws.amazon.com/cloudwatch/home?region=${this.region}#dashboards:name=${this.observability.dashboard.dashboardName}`,
    });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.observability.alarmTopic.topicArn, description: 'Subscribe on-call here' });
  }
}
