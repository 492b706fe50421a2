/**
 * The notifier port on Amazon SNS: one topic per audience segment, created and deleted at
 * run time under a name prefix the stack grants; SMS numbers and push endpoints subscribe
 * to exactly one segment topic each, and a segment with webhooks feeds the webhook relay's
 * queue once. Also the push platform's side of dead-token clean-up.
 */
import {
  CheckIfPhoneNumberIsOptedOutCommand,
  CreatePlatformEndpointCommand,
  CreateTopicCommand,
  DeleteEndpointCommand,
  DeleteTopicCommand,
  GetEndpointAttributesCommand,
  PublishCommand,
  SetSubscriptionAttributesCommand,
  SubscribeCommand,
  UnsubscribeCommand,
  type SNSClient,
} from '@aws-sdk/client-sns';
import { ValidationError } from '../core/errors.js';
import type { AlertWindow, Notifier } from '../core/ports.js';
import type { Endpoint, RenderedMessage } from '../core/types.js';

type NotifierEndpoint = Exclude<Endpoint, { channel: 'webhook' }>;

export interface SnsNotifierOptions {
  client: SNSClient;
  /** Segment topics are named `<topicPrefix>-<segment key>`; IAM grants only that prefix. */
  topicPrefix: string;
  /** KMS key for topic encryption; SNS's own key when unset. */
  kmsKeyId?: string;
  /** Platform applications for push, by platform. */
  platformApplications?: Partial<Record<'apns' | 'fcm', string>>;
  /** Role SNS assumes to log push and http delivery status, and the share of successes logged. */
  deliveryStatus?: { roleArn: string; successSampleRate: number };
  /** Where SNS puts messages it could not deliver to a subscription. */
  deadLetterQueueArn?: string;
  /** The queue the webhook relay reads: segment topics with webhooks send it each alert. */
  webhookQueueArn?: string;
  sms?: { senderId?: string; originationNumber?: string };
}

export class SnsNotifier implements Notifier {
  constructor(private readonly options: SnsNotifierOptions) {}

  async createSegmentTopic(segmentKey: string): Promise<string> {
    const result = await this.options.client.send(
      new CreateTopicCommand({
        Name: `${this.options.topicPrefix}-${segmentKey}`,
        Attributes: { KmsMasterKeyId: this.options.kmsKeyId ?? 'alias/aws/sns', ...this.deliveryStatusAttributes() },
        Tags: [{ Key: 'newsalert:segment', Value: segmentKey }],
      }),
    );
    if (!result.TopicArn) throw new Error('SNS CreateTopic returned no TopicArn');
    return result.TopicArn;
  }

  async deleteSegmentTopic(topicRef: string): Promise<void> {
    await this.options.client.send(new DeleteTopicCommand({ TopicArn: topicRef }));
  }

  async subscribe(topicRef: string, endpoint: NotifierEndpoint, window?: AlertWindow): Promise<string> {
    return this.subscribeTarget(topicRef, await this.targetOf(endpoint), window);
  }

  async attachWebhookRelay(topicRef: string): Promise<void> {
    const queue = this.options.webhookQueueArn;
    if (!queue) throw new ValidationError('webhooks are not configured on this deployment');
    // Subscribe is idempotent for the same topic, endpoint and attributes: the second webhook of a segment changes nothing.
    await this.subscribeTarget(topicRef, { Protocol: 'sqs', Endpoint: queue });
  }

  private async subscribeTarget(topicRef: string, target: { Protocol: string; Endpoint: string }, window?: AlertWindow): Promise<string> {
    const dlq = this.options.deadLetterQueueArn;
    const attributes = {
      ...(dlq && { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq }) }),
      ...(window && { FilterPolicyScope: 'MessageAttributes', FilterPolicy: filterPolicy(window) }),
    };
    const result = await this.options.client.send(
      new SubscribeCommand({
        TopicArn: topicRef,
        ...target,
        ReturnSubscriptionArn: true,
        ...(Object.keys(attributes).length > 0 && { Attributes: attributes }),
      }),
    );
    if (!result.SubscriptionArn) throw new Error('SNS Subscribe returned no SubscriptionArn');
    return result.SubscriptionArn;
  }

  async setWindow(subscriptionRef: string, window: AlertWindow | undefined): Promise<void> {
    // An empty policy removes the filter, so the subscription no longer counts against the per-topic quota.
    await this.options.client.send(
      new SetSubscriptionAttributesCommand({ SubscriptionArn: subscriptionRef, AttributeName: 'FilterPolicy', AttributeValue: window ? filterPolicy(window) : '' }),
    );
  }

  async unsubscribe(subscriptionRef: string): Promise<void> {
    await this.options.client.send(new UnsubscribeCommand({ SubscriptionArn: subscriptionRef }));
  }

  async publish(topicRef: string, message: RenderedMessage, attributes: Record<string, string>): Promise<void> {
    await this.options.client.send(
      new PublishCommand({
        TopicArn: topicRef,
        MessageStructure: 'json',
        Message: JSON.stringify(message),
        MessageAttributes: {
          ...Object.fromEntries(Object.entries(attributes).map(([k, v]) => [k, { DataType: k === 'alertCreatedAt' ? 'Number' : 'String', StringValue: v }])),
          'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
          ...(this.options.sms?.senderId && { 'AWS.SNS.SMS.SenderID': { DataType: 'String', StringValue: this.options.sms.senderId } }),
          ...(this.options.sms?.originationNumber && {
            'AWS.MM.SMS.OriginationNumber': { DataType: 'String', StringValue: this.options.sms.originationNumber },
          }),
        },
      }),
    );
  }

  async sendSms(phoneNumber: string, text: string): Promise<void> {
    await this.options.client.send(
      new PublishCommand({
        PhoneNumber: phoneNumber,
        Message: text,
        MessageAttributes: {
          'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
          ...(this.options.sms?.senderId && { 'AWS.SNS.SMS.SenderID': { DataType: 'String', StringValue: this.options.sms.senderId } }),
          ...(this.options.sms?.originationNumber && { 'AWS.MM.SMS.OriginationNumber': { DataType: 'String', StringValue: this.options.sms.originationNumber } }),
        },
      }),
    );
  }

  async isOptedOut(phoneNumber: string): Promise<boolean> {
    const result = await this.options.client.send(new CheckIfPhoneNumberIsOptedOutCommand({ phoneNumber }));
    return result.isOptedOut === true;
  }

  /**
   * The device token of a platform endpoint SNS has disabled (APNs or FCM said the token is
   * dead); undefined while it is enabled — a token can be re-registered between the event and now.
   */
  async disabledEndpointToken(endpointArn: string): Promise<string | undefined> {
    const result = await this.options.client.send(new GetEndpointAttributesCommand({ EndpointArn: endpointArn }));
    const attributes = result.Attributes ?? {};
    return attributes.Enabled === 'false' ? attributes.Token : undefined;
  }

  async deletePlatformEndpoint(endpointArn: string): Promise<void> {
    await this.options.client.send(new DeleteEndpointCommand({ EndpointArn: endpointArn }));
  }

  /** Delivery-status logging for the protocols a topic's own attributes govern (push and the relay queue). */
  private deliveryStatusAttributes(): Record<string, string> {
    const status = this.options.deliveryStatus;
    if (!status) return {};
    const attributes: Record<string, string> = {};
    for (const protocol of ['Application', 'SQS']) {
      attributes[`${protocol}SuccessFeedbackRoleArn`] = status.roleArn;
      attributes[`${protocol}FailureFeedbackRoleArn`] = status.roleArn;
      attributes[`${protocol}SuccessFeedbackSampleRate`] = String(status.successSampleRate);
    }
    return attributes;
  }

  private async targetOf(endpoint: NotifierEndpoint): Promise<{ Protocol: string; Endpoint: string }> {
    switch (endpoint.channel) {
      case 'sms':
        return { Protocol: 'sms', Endpoint: endpoint.phoneNumber };
      case 'push': {
        const application = this.options.platformApplications?.[endpoint.platform];
        if (!application) {
          throw new ValidationError(`push to ${endpoint.platform} is not configured on this deployment`);
        }
        const created = await this.options.client.send(
          new CreatePlatformEndpointCommand({ PlatformApplicationArn: application, Token: endpoint.token }),
        );
        if (!created.EndpointArn) throw new Error('SNS CreatePlatformEndpoint returned no EndpointArn');
        return { Protocol: 'application', Endpoint: created.EndpointArn };
      }
    }
  }
}

/** The filter policy of an alert window: SNS numeric matching on the alertCreatedAt message attribute. */
function filterPolicy(window: AlertWindow): string {
  return JSON.stringify({ alertCreatedAt: [{ numeric: 'after' in window ? ['>', window.after] : ['<=', window.upTo] }] });
}
