/** The synthesized template: the resources and properties that matter, and cdk-nag clean, for dev and prod. */
import { Match, Template } from 'aws-cdk-lib/assertions';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tableDefinition } from '../../functions/adapters/table-definition.js';
import { buildApp } from '../../infra/build-app.js';

function synth(context: Record<string, string> = {}) {
  const outdir = mkdtempSync(join(tmpdir(), 'newsalert-cdk-'));
  const { app, stack } = buildApp({ outdir, context }, { account: '123456789012', region: 'eu-west-1' });
  // Synthesis runs cdk-nag; an unacknowledged finding fails it.
  app.synth();
  const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as { pluginReports?: Array<{ violations?: unknown[] }> };
  return { template: Template.fromStack(stack), violations: (report.pluginReports ?? []).flatMap((r) => r.violations ?? []) };
}

type Statement = { Action: string | string[]; Resource: unknown; role: string };
function statements(template: Template): Statement[] {
  return Object.values(template.findResources('AWS::IAM::Policy')).flatMap((policy) =>
    (policy.Properties.PolicyDocument.Statement as Statement[]).map((s) => ({ ...s, role: policy.Properties.Roles[0].Ref as string })),
  );
}
const actions = (s: Statement) => [s.Action].flat();

const APNS_APP = 'arn:aws:sns:eu-west-1:123456789012:app/APNS/newsalert';
let dev: ReturnType<typeof synth>;
let prod: ReturnType<typeof synth>;
beforeAll(() => {
  dev = synth();
  prod = synth({
    stage: 'prod', corsOrigins: 'https://desk.example.com', smsSenderId: 'NEWSDESK', smsMonthlySpendLimit: '50', alarmEmail: 'oncall@example.com',
    apnsPlatformApplicationArn: APNS_APP, fcmPlatformApplicationArn: 'arn:aws:sns:eu-west-1:123456789012:app/GCM/newsalert',
  });
}, 180_000);

describe('NewsalertStack', () => {
  it('passes cdk-nag AwsSolutions in every stage', () => {
    expect(dev.violations).toEqual([]);
    expect(prod.violations).toEqual([]);
  });

  it('runs five service functions (six with push) on Node.js 24, arm64, traced, with Powertools settings', () => {
    const functions = Object.values(dev.template.findResources('AWS::Lambda::Function')).filter((fn) => fn.Properties.Environment?.Variables?.TABLE_NAME);
    expect(functions).toHaveLength(5);
    expect(Object.values(prod.template.findResources('AWS::Lambda::Function')).filter((fn) => fn.Properties.Environment?.Variables?.TABLE_NAME)).toHaveLength(6);
    for (const fn of functions) {
      expect(fn.Properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'], TracingConfig: { Mode: 'Active' } });
      expect(fn.Properties.Environment.Variables).toMatchObject({
        POWERTOOLS_SERVICE_NAME: 'newsalert', POWERTOOLS_METRICS_NAMESPACE: 'newsalert', TOPIC_PREFIX: 'newsalert-dev-seg', ALERT_THRESHOLD: '3',
        TOPIC_KMS_KEY_ID: { 'Fn::GetAtt': [expect.stringMatching(/^MessagingKey/), 'Arn'] },
        SUBSCRIPTION_DLQ_ARN: { 'Fn::GetAtt': [expect.stringMatching(/^MessagingSubscriptionDlq/), 'Arn'] },
        DELIVERY_STATUS_ROLE_ARN: { 'Fn::GetAtt': [expect.stringMatching(/^MessagingDeliveryStatusRole/), 'Arn'] },
      });
    }
    expect(functions.some((fn) => fn.Properties.ReservedConcurrentExecutions !== undefined)).toBe(false);
    prod.template.hasResourceProperties('AWS::Lambda::Function', { ReservedConcurrentExecutions: 1, Timeout: 60 });
  });

  it('keeps the table the local store uses: same keys and indexes, on demand, with PITR, encryption and TTL; retained in prod', () => {
    const local = tableDefinition('x');
    dev.template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: local.KeySchema,
      BillingMode: 'PAY_PER_REQUEST',
      SSESpecification: { SSEEnabled: true },
      Replicas: [Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }, DeletionProtectionEnabled: false })],
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      GlobalSecondaryIndexes: local.GlobalSecondaryIndexes!.map((index) => Match.objectLike({ IndexName: index.IndexName, KeySchema: index.KeySchema })),
    });
    dev.template.hasResource('AWS::DynamoDB::GlobalTable', { DeletionPolicy: 'Delete' });
    prod.template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ Replicas: [Match.objectLike({ DeletionProtectionEnabled: true })] }),
    });
  });

  it('grants topic management only under the stage prefix, publish and the key only to the publishers', () => {
    const prefixArn = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':sns:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':newsalert-dev-seg-*']] };
    const all = statements(dev.template);
    const star = all.filter((s) => JSON.stringify(s.Resource) === '"*"');
    const sns = all.filter((s) => actions(s).some((a) => a.startsWith('sns:')) && !star.includes(s));
    expect(sns.every((s) => JSON.stringify(s.Resource) === JSON.stringify(prefixArn))).toBe(true);
    const manage = sns.find((s) => actions(s).includes('sns:CreateTopic'))!;
    expect(manage.role).toMatch(/^SubscriptionsRole/);
    expect(actions(manage).sort()).toEqual(['sns:CreateTopic', 'sns:DeleteTopic', 'sns:GetTopicAttributes', 'sns:SetSubscriptionAttributes', 'sns:SetTopicAttributes', 'sns:Subscribe', 'sns:TagResource', 'sns:Unsubscribe']);
    expect(sns.filter((s) => actions(s).includes('sns:Publish')).map((s) => s.role).sort()).toEqual([expect.stringMatching(/^ArticlesRole/), expect.stringMatching(/^SweeperRole/)]);
    const kms = all.filter((s) => actions(s).some((a) => a.startsWith('kms:')) && /^(Articles|Sweeper|Subscriptions|Health)Role/.test(s.role));
    expect(kms.map((s) => s.role).sort()).toEqual([expect.stringMatching(/^ArticlesRole/), expect.stringMatching(/^SweeperRole/)]);
    expect(kms.every((s) => (s.Resource as { 'Fn::GetAtt': string[] })['Fn::GetAtt']?.[1] === 'Arn')).toBe(true);
    // "*" only where AWS takes no resource: X-Ray, the account-wide SMS settings, texts to a phone number (subscriptions only), CloudFront invalidations (the desk's deploy).
    expect(star.flatMap(actions).filter((a) => !(a.startsWith('xray:') || a === 'sns:SetSMSAttributes' || a === 'sns:CheckIfPhoneNumberIsOptedOut' || a === 'sns:Publish'))).toEqual(['cloudfront:GetInvalidation', 'cloudfront:CreateInvalidation']);
    expect(star.filter((s) => actions(s).includes('sns:Publish')).map((s) => s.role)).toEqual([expect.stringMatching(/^SubscriptionsRole/)]);
    expect(all.find((s) => actions(s).includes('iam:PassRole') && s.role.startsWith('SubscriptionsRole'))).toBeDefined();
  });

  it('encrypts with its own rotating key, and gives every asynchronous path a TLS-only dead-letter queue', () => {
    dev.template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    const queues = Object.values(dev.template.findResources('AWS::SQS::Queue'));
    expect(queues).toHaveLength(4);
    for (const queue of queues) expect(queue.Properties.KmsMasterKeyId).toBeDefined();
    dev.template.resourcePropertiesCountIs('AWS::SQS::QueuePolicy', { PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) } }, 4);
    dev.template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Principal: { Service: 'sns.amazonaws.com' }, Action: 'sqs:SendMessage', Condition: { ArnLike: { 'aws:SourceArn': Match.anyValue() } } })]) },
    });
    dev.template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 minute)',
      Targets: [Match.objectLike({ DeadLetterConfig: { Arn: Match.anyValue() }, RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 300 } })],
    });
  });

  it('sets SMS to Transactional with the stage spend limit and delivery-status logging', () => {
    const sms = Object.values(prod.template.findResources('Custom::AWS')).find((r) => JSON.stringify(r.Properties.Create).includes('setSMSAttributes'))!;
    const create = JSON.stringify(sms.Properties.Create);
    expect(create).toContain('setSMSAttributes');
    expect(create).toContain('\\"DefaultSMSType\\":\\"Transactional\\"');
    expect(create).toContain('\\"MonthlySpendLimit\\":\\"50\\"');
    expect(create).toContain('\\"DefaultSenderID\\":\\"NEWSDESK\\"');
    expect(create).toContain('DeliveryStatusIAMRole');
    prod.template.hasResourceProperties('AWS::Lambda::Function', { Environment: { Variables: Match.objectLike({ SMS_SENDER_ID: 'NEWSDESK', DELIVERY_STATUS_SUCCESS_SAMPLE_RATE: '10' }) } });
  });

  it('alarms on errors, throttles, dead letters, API 5xx and latency, SNS failures, SMS spend and stuck alerts', () => {
    const alarms = Object.values(dev.template.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties);
    const metricNames = alarms.map((a) => a.MetricName ?? (a.Metrics?.[0]?.Expression as string));
    for (const name of ['Errors', 'Throttles']) expect(metricNames.filter((m) => m === name)).toHaveLength(5);
    expect(metricNames.filter((m) => m === 'ApproximateNumberOfMessagesVisible')).toHaveLength(3);
    expect(metricNames).toEqual(expect.arrayContaining(['5xx', 'Latency', 'SMSMonthToDateSpentUSD', 'AlertsFailed', 'OldestPendingAlertAge', 'SELECT SUM(NumberOfNotificationsFailed) FROM SCHEMA("AWS/SNS", TopicName)']));
    expect(alarms.every((a) => a.AlarmActions?.length === 1)).toBe(true);
    prod.template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'oncall@example.com' });
    dev.template.resourceCountIs('AWS::SNS::Subscription', 0);
    dev.template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    dev.template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
  });

  it('routes the HTTP API to the functions, throttled, access-logged, CORS only for configured origins', () => {
    const routes = Object.values(dev.template.findResources('AWS::ApiGatewayV2::Route')).map((r) => r.Properties.RouteKey as string).sort();
    expect(routes).toEqual([
      'ANY /v1/alerts', 'ANY /v1/alerts/{proxy+}', 'ANY /v1/articles', 'ANY /v1/articles/{proxy+}',
      'ANY /v1/keys', 'ANY /v1/keys/{proxy+}', 'ANY /v1/openapi.json',
      'ANY /v1/sms/{proxy+}', 'ANY /v1/subscriptions', 'ANY /v1/subscriptions/{proxy+}', 'ANY /v1/topics', 'GET /health',
    ]);
    dev.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: { ThrottlingBurstLimit: 50, ThrottlingRateLimit: 20 },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
    });
    const distribution = Object.keys(prod.template.findResources('AWS::CloudFront::Distribution'))[0]!;
    prod.template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({
        AllowOrigins: ['https://desk.example.com', { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distribution, 'DomainName'] }]] }],
        AllowHeaders: ['authorization', 'content-type'],
      }),
    });
    expect(synth({ stage: 'prod', desk: 'false' }).template.findResources('AWS::ApiGatewayV2::Api')).toSatisfy((apis: Record<string, { Properties: object }>) =>
      Object.values(apis).every((api) => !('CorsConfiguration' in api.Properties)),
    );
    expect(() => synth({ corsOrigins: 'desk.example.com/path' })).toThrow(/not an origin/);
    for (const output of ['ApiUrl', 'TableName', 'SegmentTopicPrefix', 'DashboardUrl', 'AlarmTopicArn', 'DeskUrl']) dev.template.hasOutput(output, {});
  });

  it("serves the editors' desk from a private bucket through CloudFront with the local server's security headers, told where the API is", () => {
    const buckets = dev.template.findResources('AWS::S3::Bucket');
    const [bucketId, bucket] = Object.entries(buckets).find(([id]) => id.startsWith('DeskFiles'))!;
    expect(bucket.Properties).toMatchObject({
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
    });
    dev.template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: bucketId },
      PolicyDocument: { Statement: Match.arrayWith([
        Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        Match.objectLike({ Effect: 'Allow', Principal: { Service: 'cloudfront.amazonaws.com' }, Action: 's3:GetObject' }),
      ]) },
    });
    dev.template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', { OriginAccessControlConfig: Match.objectLike({ SigningBehavior: 'always', OriginAccessControlOriginType: 's3' }) });
    dev.template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({ DefaultRootObject: 'index.html', DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https' }) }),
    });
    const policy = Object.values(dev.template.findResources('AWS::CloudFront::ResponseHeadersPolicy'))[0]!.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    expect(policy.ContentSecurityPolicy.ContentSecurityPolicy).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' https://*.execute-api.eu-west-1.amazonaws.com; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(policy).toMatchObject({ FrameOptions: { FrameOption: 'DENY' }, ReferrerPolicy: { ReferrerPolicy: 'no-referrer' }, ContentTypeOptions: { Override: true } });
    // The deployment uploads console/ and a config.json naming the API.
    const deployment = Object.values(dev.template.findResources('Custom::CDKBucketDeployment'))[0]!;
    expect(deployment.Properties.DistributionPaths).toEqual(['/*']);
    expect(JSON.stringify(deployment.Properties.SourceMarkers)).toContain('ApiF70053CD');
    expect(synth({ desk: 'false' }).template.findResources('AWS::CloudFront::Distribution')).toEqual({});
    expect(() => synth({ desk: 'maybe' })).toThrow(/desk must be true or false/);
  });

  it('feeds webhooks to the relay through an encrypted queue that only segment topics may send to, with partial batch failures', () => {
    const queueIds = Object.keys(dev.template.findResources('AWS::SQS::Queue'));
    const queueId = queueIds.find((id) => id.startsWith('MessagingWebhookQueue'))!;
    const dlqId = queueIds.find((id) => id.startsWith('MessagingWebhookDlq'))!;
    dev.template.hasResourceProperties('AWS::SQS::Queue', { VisibilityTimeout: 360, RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [dlqId, 'Arn'] }, maxReceiveCount: 5 } });
    dev.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [queueId, 'Arn'] },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BatchSize: 10,
    });
    dev.template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: queueId }],
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Principal: { Service: 'sns.amazonaws.com' }, Action: 'sqs:SendMessage', Condition: { ArnLike: { 'aws:SourceArn': Match.anyValue() } } })]) },
    });
    dev.template.hasResourceProperties('AWS::Lambda::Function', {
      Timeout: 60,
      Environment: { Variables: Match.objectLike({ WEBHOOK_QUEUE_URL: { Ref: queueId }, WEBHOOK_QUEUE_ARN: { 'Fn::GetAtt': [queueId, 'Arn'] } }) },
    });
    // The relay touches no SNS at all.
    expect(statements(dev.template).filter((s) => s.role.startsWith('WebhooksRole') && actions(s).some((a) => a.startsWith('sns:')))).toEqual([]);
  });

  it("has the push platform applications report endpoint events to a function that may only read and delete their endpoints", () => {
    dev.template.resourceCountIs('AWS::SNS::Topic', 1);
    const wiring = Object.values(prod.template.findResources('Custom::AWS')).map((r) => JSON.stringify(r.Properties.Create)).filter((c) => c.includes('setPlatformApplicationAttributes'));
    expect(wiring).toHaveLength(2);
    expect(wiring[0]).toContain(APNS_APP);
    expect(wiring[0]).toMatch(/EventDeliveryFailure.*EventEndpointUpdated/);
    prod.template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'lambda' });
    const endpoints = statements(prod.template).find((s) => actions(s).includes('sns:DeleteEndpoint'))!;
    expect(endpoints.role).toMatch(/^PushEventsRole/);
    expect(actions(endpoints).sort()).toEqual(['sns:DeleteEndpoint', 'sns:GetEndpointAttributes']);
    expect(endpoints.Resource).toEqual(['arn:aws:sns:eu-west-1:123456789012:endpoint/APNS/newsalert/*', 'arn:aws:sns:eu-west-1:123456789012:endpoint/GCM/newsalert/*']);
  });

  it('holds no secret', () => {
    const text = JSON.stringify(prod.template.toJSON());
    expect(text).not.toMatch(/na_(editor|app)_|BEGIN (RSA )?PRIVATE KEY|aws_secret_access_key|SecretString/i);
  });
});
