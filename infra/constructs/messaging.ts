/**
 * What the segment topics need around them: the KMS key they (and every queue) are
 * encrypted with, the dead-letter queue of every subscription, the role SNS logs delivery
 * status with, and the account's SMS settings.
 */
import { Aws, Duration, Stack, Validations } from 'aws-cdk-lib';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { AwsCustomResource, AwsCustomResourcePolicy, PhysicalResourceId } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import type { StageConfig } from '../stages.js';

export class Messaging extends Construct {
  readonly key: Key;
  readonly topicPrefix: string;
  /** Every segment topic (and its subscriptions: "<topic ARN>:<id>"). */
  readonly topicArnPattern: string;
  readonly subscriptionDlq: Queue;
  readonly deliveryStatusRole: Role;
  /** Segment topics with webhooks send each alert here; the webhook relay reads it (and re-queues its own retries). */
  readonly webhookQueue: Queue;
  readonly webhookDlq: Queue;

  constructor(scope: Construct, id: string, config: StageConfig) {
    super(scope, id);
    this.topicPrefix = `newsalert-${config.stage}-seg`;
    // Pseudo-parameters, not the stack's env: the ARN (and cdk-nag's finding for it) reads the same in every account.
    this.topicArnPattern = `arn:${Aws.PARTITION}:sns:${Aws.REGION}:${Aws.ACCOUNT_ID}:${this.topicPrefix}-*`;

    this.key = new Key(this, 'Key', {
      description: `newsalert ${config.stage}: segment topics, dead-letter queues, alarm topic`,
      enableKeyRotation: true,
    });
    // SNS encrypts topic messages and writes to encrypted queues; EventBridge writes to the sweeper's DLQ.
    for (const service of ['sns.amazonaws.com', 'events.amazonaws.com', 'cloudwatch.amazonaws.com']) {
      this.key.addToResourcePolicy(
        new PolicyStatement({
          principals: [new ServicePrincipal(service)],
          actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
          resources: ['*'],
          conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
        }),
      );
    }

    this.subscriptionDlq = this.deadLetterQueue('SubscriptionDlq');
    this.subscriptionDlq.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('sns.amazonaws.com')],
        actions: ['sqs:SendMessage'],
        resources: [this.subscriptionDlq.queueArn],
        conditions: { ArnLike: { 'aws:SourceArn': this.topicArnPattern } },
      }),
    );

    this.webhookDlq = this.deadLetterQueue('WebhookDlq');
    this.webhookQueue = new Queue(this, 'WebhookQueue', {
      encryption: QueueEncryption.KMS,
      encryptionMasterKey: this.key,
      enforceSSL: true,
      // Six times the relay's timeout, as Lambda's SQS guidance asks.
      visibilityTimeout: Duration.minutes(6),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.webhookDlq, maxReceiveCount: 5 },
    });
    this.webhookQueue.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('sns.amazonaws.com')],
        actions: ['sqs:SendMessage'],
        resources: [this.webhookQueue.queueArn],
        conditions: { ArnLike: { 'aws:SourceArn': this.topicArnPattern } },
      }),
    );

    this.deliveryStatusRole = new Role(this, 'DeliveryStatusRole', {
      assumedBy: new ServicePrincipal('sns.amazonaws.com'),
      description: 'SNS writes SMS, push and http delivery status to CloudWatch Logs with this role',
    });
    this.deliveryStatusRole.addToPolicy(
      new PolicyStatement({
        actions: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents', 'logs:PutMetricFilter', 'logs:PutRetentionPolicy'],
        resources: [`arn:${Aws.PARTITION}:logs:${Aws.REGION}:${Aws.ACCOUNT_ID}:log-group:sns/*`],
      }),
    );
    Validations.of(this.deliveryStatusRole).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:sns/*]',
      reason: 'SNS names its delivery-status log groups itself (sns/<region>/<account>/<topic or DirectPublishToPhoneNumber>); the grant covers only the sns/ prefix.',
    });

    // Account-wide SMS settings: Transactional by default, the spend limit, delivery-status logs.
    const smsAttributes: Record<string, string> = {
      DefaultSMSType: 'Transactional',
      MonthlySpendLimit: String(config.smsMonthlySpendLimit),
      DeliveryStatusIAMRole: this.deliveryStatusRole.roleArn,
      DeliveryStatusSuccessSamplingRate: String(config.deliveryStatusSuccessSampleRate),
      ...(config.smsSenderId && { DefaultSenderID: config.smsSenderId }),
    };
    const setSms = {
      service: 'SNS',
      action: 'setSMSAttributes',
      parameters: { attributes: smsAttributes },
      physicalResourceId: PhysicalResourceId.of(`newsalert-${config.stage}-sms-attributes`),
    };
    const sms = new AwsCustomResource(this, 'SmsAttributes', {
      onCreate: setSms,
      onUpdate: setSms,
      installLatestAwsSdk: false,
      policy: AwsCustomResourcePolicy.fromStatements([
        new PolicyStatement({ actions: ['sns:SetSMSAttributes'], resources: ['*'] }),
        new PolicyStatement({ effect: Effect.ALLOW, actions: ['iam:PassRole'], resources: [this.deliveryStatusRole.roleArn] }),
      ]),
    });
    Validations.of(sms).acknowledge({ id: 'AwsSolutions-IAM5[Resource::*]', reason: 'sns:SetSMSAttributes sets account-wide SMS settings and takes no resource; AWS requires "*".' });
    // The custom resource runs in CDK's singleton provider function, created beside it at stack level.
    const provider = Stack.of(this).node.tryFindChild('AWS679f53fac002430cb0da5b7982bd2287');
    if (provider) {
      Validations.of(provider).acknowledge({
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason: "CDK's AwsCustomResource provider runs only during deployment; the managed policy lets it write its own logs and nothing else.",
      });
    }
  }

  /** An encrypted, TLS-only queue kept 14 days: what could not be delivered waits there for a look. */
  deadLetterQueue(id: string): Queue {
    const queue = new Queue(this, id, {
      encryption: QueueEncryption.KMS,
      encryptionMasterKey: this.key,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(queue).acknowledge({ id: 'AwsSolutions-SQS3', reason: 'This queue is itself a dead-letter queue; an alarm fires on its first message.' });
    return queue;
  }
}
