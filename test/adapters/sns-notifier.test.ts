/** The SNS adapter's requests, asserted exactly against a recording client (SNS cannot run here). */
import { describe, expect, it } from 'vitest';
import type { SNSClient } from '@aws-sdk/client-sns';
import { SnsNotifier } from '../../functions/adapters/sns-notifier.js';
import { renderMessage } from '../../functions/core/render.js';
import { alertFixture } from '../helpers/store.js';

function recordingClient(responses: Record<string, unknown> = {}) {
  const sent: Array<{ command: string; input: unknown }> = [];
  const client = {
    send: async (command: { constructor: { name: string }; input: unknown }) => {
      sent.push({ command: command.constructor.name, input: command.input });
      return responses[command.constructor.name] ?? {};
    },
  } as unknown as SNSClient;
  return { client, sent };
}

const TOPIC = 'arn:aws:sns:eu-west-1:123456789012:newsalert-dev-seg-abc';

describe('SnsNotifier', () => {
  it('creates an encrypted segment topic under its prefix', async () => {
    const { client, sent } = recordingClient({ CreateTopicCommand: { TopicArn: TOPIC } });
    const notifier = new SnsNotifier({ client, topicPrefix: 'newsalert-dev-seg', kmsKeyId: 'alias/newsalert' });
    expect(await notifier.createSegmentTopic('abc')).toBe(TOPIC);
    expect(sent).toEqual([
      {
        command: 'CreateTopicCommand',
        input: { Name: 'newsalert-dev-seg-abc', Attributes: { KmsMasterKeyId: 'alias/newsalert' }, Tags: [{ Key: 'newsalert:segment', Value: 'abc' }] },
      },
    ]);
  });

  it('subscribes SMS numbers directly, push tokens through a platform endpoint, and webhooks through the relay queue', async () => {
    const { client, sent } = recordingClient({
      SubscribeCommand: { SubscriptionArn: `${TOPIC}:sub-1` },
      CreatePlatformEndpointCommand: { EndpointArn: 'arn:aws:sns:eu-west-1:123456789012:endpoint/APNS/app/e1' },
    });
    const queue = 'arn:aws:sqs:eu-west-1:123456789012:webhooks';
    const notifier = new SnsNotifier({ client, topicPrefix: 'p', platformApplications: { apns: 'arn:aws:sns:eu-west-1:123456789012:app/APNS/app' }, webhookQueueArn: queue });
    await notifier.subscribe(TOPIC, { channel: 'sms', phoneNumber: '+14155552671' });
    await notifier.attachWebhookRelay(TOPIC);
    await notifier.subscribe(TOPIC, { channel: 'push', platform: 'apns', token: 'a'.repeat(64) });
    expect(sent).toEqual([
      { command: 'SubscribeCommand', input: { TopicArn: TOPIC, Protocol: 'sms', Endpoint: '+14155552671', ReturnSubscriptionArn: true } },
      { command: 'SubscribeCommand', input: { TopicArn: TOPIC, Protocol: 'sqs', Endpoint: queue, ReturnSubscriptionArn: true } },
      { command: 'CreatePlatformEndpointCommand', input: { PlatformApplicationArn: 'arn:aws:sns:eu-west-1:123456789012:app/APNS/app', Token: 'a'.repeat(64) } },
      { command: 'SubscribeCommand', input: { TopicArn: TOPIC, Protocol: 'application', Endpoint: 'arn:aws:sns:eu-west-1:123456789012:endpoint/APNS/app/e1', ReturnSubscriptionArn: true } },
    ]);
  });

  it('sets delivery-status logging on new topics, a dead-letter queue on subscriptions, and SMS sender attributes', async () => {
    const { client, sent } = recordingClient({ CreateTopicCommand: { TopicArn: TOPIC }, SubscribeCommand: { SubscriptionArn: `${TOPIC}:s` } });
    const notifier = new SnsNotifier({
      client,
      topicPrefix: 'p',
      deliveryStatus: { roleArn: 'arn:aws:iam::123456789012:role/status', successSampleRate: 10 },
      deadLetterQueueArn: 'arn:aws:sqs:eu-west-1:123456789012:dlq',
      sms: { senderId: 'NEWSDESK', originationNumber: '+447700900000' },
    });
    await notifier.createSegmentTopic('k');
    await notifier.subscribe(TOPIC, { channel: 'sms', phoneNumber: '+14155552671' });
    await notifier.publish(TOPIC, renderMessage(alertFixture()), {});
    const role = 'arn:aws:iam::123456789012:role/status';
    expect(sent[0]!.input).toMatchObject({
      Attributes: {
        KmsMasterKeyId: 'alias/aws/sns',
        ApplicationSuccessFeedbackRoleArn: role, ApplicationFailureFeedbackRoleArn: role, ApplicationSuccessFeedbackSampleRate: '10',
        SQSSuccessFeedbackRoleArn: role, SQSFailureFeedbackRoleArn: role, SQSSuccessFeedbackSampleRate: '10',
      },
    });
    expect(sent[1]!.input).toEqual({
      TopicArn: TOPIC, Protocol: 'sms', Endpoint: '+14155552671', ReturnSubscriptionArn: true,
      Attributes: { RedrivePolicy: '{"deadLetterTargetArn":"arn:aws:sqs:eu-west-1:123456789012:dlq"}' },
    });
    expect((sent[2]!.input as { MessageAttributes: unknown }).MessageAttributes).toEqual({
      'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
      'AWS.SNS.SMS.SenderID': { DataType: 'String', StringValue: 'NEWSDESK' },
      'AWS.MM.SMS.OriginationNumber': { DataType: 'String', StringValue: '+447700900000' },
    });
  });

  it('moves with filter policies on the alert creation time: the new subscription after the move, the old up to it', async () => {
    const { client, sent } = recordingClient({ SubscribeCommand: { SubscriptionArn: `${TOPIC}:new` } });
    const notifier = new SnsNotifier({ client, topicPrefix: 'p' });
    await notifier.subscribe(TOPIC, { channel: 'sms', phoneNumber: '+14155552671' }, { after: 1_780_000_000_000 });
    await notifier.setWindow(`${TOPIC}:old`, { upTo: 1_780_000_000_000 });
    await notifier.setWindow(`${TOPIC}:new`, undefined);
    await notifier.publish(TOPIC, renderMessage(alertFixture()), { alertCreatedAt: '1780000000000' });
    expect(sent.slice(0, 3)).toEqual([
      {
        command: 'SubscribeCommand',
        input: {
          TopicArn: TOPIC, Protocol: 'sms', Endpoint: '+14155552671', ReturnSubscriptionArn: true,
          Attributes: { FilterPolicyScope: 'MessageAttributes', FilterPolicy: '{"alertCreatedAt":[{"numeric":[">",1780000000000]}]}' },
        },
      },
      { command: 'SetSubscriptionAttributesCommand', input: { SubscriptionArn: `${TOPIC}:old`, AttributeName: 'FilterPolicy', AttributeValue: '{"alertCreatedAt":[{"numeric":["<=",1780000000000]}]}' } },
      { command: 'SetSubscriptionAttributesCommand', input: { SubscriptionArn: `${TOPIC}:new`, AttributeName: 'FilterPolicy', AttributeValue: '' } },
    ]);
    expect((sent[3]!.input as { MessageAttributes: Record<string, unknown> }).MessageAttributes.alertCreatedAt).toEqual({ DataType: 'Number', StringValue: '1780000000000' });
  });

  it('texts a number directly for confirmations and asks SNS whether it opted out', async () => {
    const { client, sent } = recordingClient({ CheckIfPhoneNumberIsOptedOutCommand: { isOptedOut: true } });
    const notifier = new SnsNotifier({ client, topicPrefix: 'p', sms: { senderId: 'NEWSDESK' } });
    await notifier.sendSms('+14155552671', 'NewsAlert: reply YES');
    expect(await notifier.isOptedOut('+14155552671')).toBe(true);
    expect(sent).toEqual([
      {
        command: 'PublishCommand',
        input: {
          PhoneNumber: '+14155552671',
          Message: 'NewsAlert: reply YES',
          MessageAttributes: {
            'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
            'AWS.SNS.SMS.SenderID': { DataType: 'String', StringValue: 'NEWSDESK' },
          },
        },
      },
      { command: 'CheckIfPhoneNumberIsOptedOutCommand', input: { phoneNumber: '+14155552671' } },
    ]);
  });

  it('refuses push to a platform the deployment has not configured', async () => {
    const { client } = recordingClient();
    const notifier = new SnsNotifier({ client, topicPrefix: 'p' });
    await expect(notifier.subscribe(TOPIC, { channel: 'push', platform: 'fcm', token: 'b'.repeat(64) })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('publishes one message per protocol with MessageStructure json, and removes what it created', async () => {
    const { client, sent } = recordingClient();
    const notifier = new SnsNotifier({ client, topicPrefix: 'p' });
    const message = renderMessage(alertFixture());
    await notifier.publish(TOPIC, message, { alertId: 'al_test', wire: 'bulletin', urgency: '2' });
    await notifier.unsubscribe(`${TOPIC}:sub-1`);
    await notifier.deleteSegmentTopic(TOPIC);
    expect(sent).toEqual([
      {
        command: 'PublishCommand',
        input: {
          TopicArn: TOPIC,
          MessageStructure: 'json',
          Message: JSON.stringify(message),
          MessageAttributes: {
            alertId: { DataType: 'String', StringValue: 'al_test' },
            wire: { DataType: 'String', StringValue: 'bulletin' },
            urgency: { DataType: 'String', StringValue: '2' },
            'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
          },
        },
      },
      { command: 'UnsubscribeCommand', input: { SubscriptionArn: `${TOPIC}:sub-1` } },
      { command: 'DeleteTopicCommand', input: { TopicArn: TOPIC } },
    ]);
    const parsed = JSON.parse((sent[0]!.input as { Message: string }).Message);
    expect(Object.keys(parsed).sort()).toEqual(['APNS', 'APNS_SANDBOX', 'GCM', 'default', 'sms', 'sqs']);
  });

  it('refuses webhooks when the deployment has no relay queue', async () => {
    const { client, sent } = recordingClient();
    const notifier = new SnsNotifier({ client, topicPrefix: 'p' });
    await expect(notifier.attachWebhookRelay(TOPIC)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(sent).toEqual([]);
  });

  it('reads the token of a disabled platform endpoint, not of an enabled one, and deletes endpoints', async () => {
    const arn = 'arn:aws:sns:eu-west-1:123456789012:endpoint/GCM/app/e2';
    const disabled = recordingClient({ GetEndpointAttributesCommand: { Attributes: { Enabled: 'false', Token: 'tok-dead' } } });
    const notifier = new SnsNotifier({ client: disabled.client, topicPrefix: 'p' });
    expect(await notifier.disabledEndpointToken(arn)).toBe('tok-dead');
    await notifier.deletePlatformEndpoint(arn);
    expect(disabled.sent).toEqual([
      { command: 'GetEndpointAttributesCommand', input: { EndpointArn: arn } },
      { command: 'DeleteEndpointCommand', input: { EndpointArn: arn } },
    ]);
    const enabled = recordingClient({ GetEndpointAttributesCommand: { Attributes: { Enabled: 'true', Token: 'tok-live' } } });
    expect(await new SnsNotifier({ client: enabled.client, topicPrefix: 'p' }).disabledEndpointToken(arn)).toBeUndefined();
  });
});
