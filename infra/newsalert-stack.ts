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
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { AwsCustomResource, AwsCustomResourcePolicy, PhysicalResourceId } from 'aws-cdk-lib/custom-resources';
import type { Construct } from 'constructs';
import { DeskSite } from './constructs/desk-site.js';
import { Messaging } from './constructs/messaging.js';
import { METRICS_NAMESPACE, Observability } from './constructs/observability.js';
import { serviceFunction } from './constructs/service-function.js';
import type { StageConfig } from './stages.js';

type FunctionName = 'articles' | 'subscriptions' | 'health' | 'sweeper' | 'webhooks';

export class NewsalertStack extends Stack {
  readonly api: HttpApi;
  readonly table: TableV2;
  readonly functions: Record<FunctionName, NodejsFunction>;
  /** Removes subscriptions of push tokens APNs/FCM declare dead; only when a platform application is configured. */
  readonly pushEvents?: NodejsFunction;
  readonly messaging: Messaging;
  readonly observability: Observability;
  /** The editors' desk (CloudFront + S3), unless the stage turns it off. */
  readonly desk?: DeskSite;

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
    const { key, topicPrefix, topicArnPattern, subscriptionDlq, deliveryStatusRole, webhookQueue, webhookDlq } = this.messaging;

    const environment: Record<string, string> = {
      TABLE_NAME: this.table.tableName,
      TOPIC_PREFIX: topicPrefix,
      TOPIC_KMS_KEY_ID: key.keyArn,
      SUBSCRIPTION_DLQ_ARN: subscriptionDlq.queueArn,
      WEBHOOK_QUEUE_ARN: webhookQueue.queueArn,
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
    const make = (
      name: FunctionName | 'push-events',
      options: { timeout?: Duration; memorySize?: number; reservedConcurrentExecutions?: number; environment?: Record<string, string> } = {},
    ) =>
      serviceFunction(this, name.split('-').map((part) => `${part[0]!.toUpperCase()}${part.slice(1)}`).join(''), {
        handler: name,
        logRetention: config.logRetention,
        ...options,
        environment: { ...environment, ...options.environment },
      });
    this.functions = {
      articles: make('articles'),
      subscriptions: make('subscriptions'),
      health: make('health', { memorySize: 256 }),
      // One sweep at a time in prod: overlapping sweeps would only contend for the same leases.
      sweeper: make('sweeper', {
        timeout: Duration.seconds(60),
        ...(config.sweeperReservedConcurrency !== undefined && { reservedConcurrentExecutions: config.sweeperReservedConcurrency }),
      }),
      // A batch of alerts × a segment's webhooks, each POST up to 5 s, 16 at a time.
      webhooks: make('webhooks', { timeout: Duration.seconds(60), memorySize: 512, environment: { WEBHOOK_QUEUE_URL: webhookQueue.queueUrl } }),
    };
    const { articles, subscriptions, health, sweeper, webhooks } = this.functions;

    // Webhooks: segment topics send each alert to the relay queue (see Messaging); the relay reads it,
    // POSTs, and sends its own delayed retries back to it.
    webhooks.addEventSource(new SqsEventSource(webhookQueue, { batchSize: 10, reportBatchItemFailures: true, maxConcurrency: 10 }));
    webhookQueue.grantSendMessages(webhooks);
    this.table.grantReadWriteData(webhooks);
    for (const action of ['kms:GenerateDataKey*', 'kms:ReEncrypt*']) {
      Validations.of(webhooks.role!).acknowledge({
        id: `AwsSolutions-IAM5[Action::${action}]`,
        reason: "Sending retries to the KMS-encrypted relay queue needs its one key's data keys (SQS's own grant, scoped to that key).",
      });
    }

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
      this.pushEvents = this.pushEventsFunction(make('push-events'), platformApplications, key, topicArnPattern);
    }
    const tableLogicalId = this.getLogicalId(this.table.node.defaultChild as never);
    for (const fn of [articles, subscriptions, sweeper, webhooks, ...(this.pushEvents ? [this.pushEvents] : [])]) {
      Validations.of(fn.role!).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${tableLogicalId}.Arn>/index/*]`,
        reason: 'Queries use the two indexes of this table only (gsi1 for listings, pending for the sweeper).',
      });
      if (fn === webhooks) continue;
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

    if (config.desk) this.desk = new DeskSite(this, 'Desk');
    const corsOrigins = [...config.corsOrigins, ...(this.desk ? [this.desk.origin] : [])];
    this.api = new HttpApi(this, 'Api', {
      description: `newsalert ${config.stage}`,
      createDefaultStage: false,
      ...(corsOrigins.length > 0 && {
        corsPreflight: {
          allowOrigins: corsOrigins,
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
    // ANY: the handlers answer 405 for a method a path does not take, and 204 to a CORS preflight (an ANY route passes
    // OPTIONS through to the function), to which API Gateway adds the configured CORS headers.
    const methods = [HttpMethod.ANY];
    route(['/health'], health, [HttpMethod.GET]);
    route(['/v1/articles', '/v1/articles/{proxy+}', '/v1/alerts', '/v1/alerts/{proxy+}', '/v1/keys', '/v1/keys/{proxy+}', '/v1/topics', '/v1/openapi.json'], articles, methods);
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
      functions: { Articles: articles, Subscriptions: subscriptions, Health: health, Sweeper: sweeper, Webhooks: webhooks, ...(this.pushEvents && { PushEvents: this.pushEvents }) },
      deadLetterQueues: { SubscriptionDlq: subscriptionDlq, SweeperDlq: sweeperDlq, WebhookDlq: webhookDlq },
      topicPrefix,
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.apiEndpoint, description: 'Base URL of the HTTP API' });
    if (this.desk) {
      this.desk.deploy(this.api.apiEndpoint);
      new CfnOutput(this, 'DeskUrl', { value: `${this.desk.origin}/`, description: "The editors' desk: sign in with an editor key" });
    }
    new CfnOutput(this, 'TableName', { value: this.table.tableName, description: 'For `npx newsalert keys create --table`' });
    new CfnOutput(this, 'SegmentTopicPrefix', { value: topicPrefix, description: 'Segment topics are named <prefix>-<segment key>' });
    new CfnOutput(this, 'DashboardUrl', {
      value: `https://console.aws.amazon.com/cloudwatch/home?region=${this.region}#dashboards:name=${this.observability.dashboard.dashboardName}`,
    });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.observability.alarmTopic.topicArn, description: 'Subscribe on-call here' });
  }

  /**
   * The push platform applications report endpoint events (a token APNs or FCM rejected,
   * an endpoint disabled) to a topic of ours; a Lambda there removes the dead token's subscriptions.
   */
  private pushEventsFunction(fn: NodejsFunction, platformApplications: string[], key: IKey, topicArnPattern: string): NodejsFunction {
    const events = new Topic(this, 'PushEventsTopic', { displayName: 'newsalert push endpoint events', masterKey: key, enforceSSL: true });
    events.addSubscription(new LambdaSubscription(fn));
    this.table.grantReadWriteData(fn);
    // Removing a subscription may empty its segment, whose topic then goes too.
    fn.addToRolePolicy(new PolicyStatement({ actions: ['sns:Unsubscribe', 'sns:DeleteTopic'], resources: [topicArnPattern] }));
    const endpoints = platformApplications.map((arn) => `${arn.replace(':app/', ':endpoint/')}/*`);
    fn.addToRolePolicy(new PolicyStatement({ actions: ['sns:GetEndpointAttributes', 'sns:DeleteEndpoint'], resources: endpoints }));
    for (const endpoint of endpoints) {
      Validations.of(fn.role!).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${endpoint}]`,
        reason: "Platform endpoints are created at run time, one per device token; the grant covers only the endpoints of this stage's own platform applications.",
      });
    }
    const setEvents = (arn: string) => ({
      service: 'SNS',
      action: 'setPlatformApplicationAttributes',
      parameters: { PlatformApplicationArn: arn, Attributes: { EventDeliveryFailure: events.topicArn, EventEndpointUpdated: events.topicArn } },
      physicalResourceId: PhysicalResourceId.of(`${arn}-events`),
    });
    platformApplications.forEach((arn, i) => {
      new AwsCustomResource(this, `PushEventsWiring${i}`, {
        onCreate: setEvents(arn),
        onUpdate: setEvents(arn),
        installLatestAwsSdk: false,
        policy: AwsCustomResourcePolicy.fromStatements([new PolicyStatement({ actions: ['sns:SetPlatformApplicationAttributes'], resources: [arn] })]),
      });
    });
    return fn;
  }
}
