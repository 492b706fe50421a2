/** The synthesized template: the resources and properties that matter, and cdk-nag clean. */
import { Match, Template } from 'aws-cdk-lib/assertions';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tableDefinition } from '../../functions/adapters/table-definition.js';
import { buildApp } from '../../infra/build-app.js';

let template: Template;
let outdir: string;

beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), 'newsalert-cdk-'));
  const { app, stack } = buildApp({ outdir }, { account: '123456789012', region: 'eu-west-1' });
  // Synthesis runs cdk-nag; an unacknowledged finding fails it.
  app.synth();
  template = Template.fromStack(stack);
}, 120_000);

describe('NewsalertStack', () => {
  it('passes cdk-nag AwsSolutions with every acknowledgement explained', () => {
    const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as { pluginReports?: Array<{ violations?: unknown[] }> };
    const violations = (report.pluginReports ?? []).flatMap((r) => r.violations ?? []);
    expect(violations).toEqual([]);
  });

  it('runs four functions on Node.js 24, arm64, traced', () => {
    template.resourceCountIs('AWS::Lambda::Function', 4);
    for (const fn of Object.values(template.findResources('AWS::Lambda::Function'))) {
      expect(fn.Properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'], TracingConfig: { Mode: 'Active' } });
    }
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ TOPIC_PREFIX: 'newsalert-dev-seg', ALERT_THRESHOLD: '3', TABLE_NAME: Match.anyValue() }) },
    });
  });

  it('keeps the table the local store uses: same keys and indexes, on demand, with PITR and encryption', () => {
    const local = tableDefinition('x');
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: local.KeySchema,
      BillingMode: 'PAY_PER_REQUEST',
      SSESpecification: { SSEEnabled: true },
      Replicas: [Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } })],
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      GlobalSecondaryIndexes: local.GlobalSecondaryIndexes!.map((index) => Match.objectLike({ IndexName: index.IndexName, KeySchema: index.KeySchema })),
    });
  });

  it('grants topic management only under the stage prefix, and publish only to the publishers', () => {
    const prefixArn = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':sns:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':newsalert-dev-seg-*']] };
    const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
      (policy) => (policy.Properties.PolicyDocument.Statement as Array<{ Action: string | string[]; Resource: unknown }>).map((s) => ({ ...s, role: policy.Properties.Roles[0].Ref as string })),
    );
    const snsStatements = statements.filter((s) => [s.Action].flat().some((a) => a.startsWith('sns:')));
    expect(snsStatements.every((s) => JSON.stringify(s.Resource) === JSON.stringify(prefixArn))).toBe(true);
    const manage = snsStatements.find((s) => [s.Action].flat().includes('sns:CreateTopic'))!;
    expect(manage.role).toMatch(/^SubscriptionsRole/);
    expect([manage.Action].flat().sort()).toEqual(['sns:CreateTopic', 'sns:DeleteTopic', 'sns:GetTopicAttributes', 'sns:SetTopicAttributes', 'sns:Subscribe', 'sns:TagResource', 'sns:Unsubscribe']);
    expect(snsStatements.filter((s) => [s.Action].flat().includes('sns:Publish')).map((s) => s.role).sort()).toEqual([expect.stringMatching(/^ArticlesRole/), expect.stringMatching(/^SweeperRole/)]);
    expect(statements.filter((s) => JSON.stringify(s.Resource) === '"*"').every((s) => [s.Action].flat().every((a) => a.startsWith('xray:')))).toBe(true);
  });

  it('routes the HTTP API to the functions, throttled and access-logged, and sweeps every minute', () => {
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).map((r) => r.Properties.RouteKey as string).sort();
    expect(routes).toEqual([
      'ANY /v1/alerts', 'ANY /v1/alerts/{proxy+}', 'ANY /v1/articles', 'ANY /v1/articles/{proxy+}',
      'ANY /v1/subscriptions', 'ANY /v1/subscriptions/{proxy+}', 'GET /health',
    ]);
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: { ThrottlingBurstLimit: 100, ThrottlingRateLimit: 50 },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
    });
    template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(1 minute)' });
    template.hasOutput('ApiUrl', {});
  });

  it('holds no secret', () => {
    const text = JSON.stringify(template.toJSON());
    expect(text).not.toMatch(/na_(editor|app)_|BEGIN (RSA )?PRIVATE KEY|aws_secret_access_key/i);
  });
});
