/** Dead push tokens: an SNS platform event removes every subscription of the token, and the endpoint (SNS asserted exactly). */
import type { SNSClient } from '@aws-sdk/client-sns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalNotifier } from '../../functions/adapters/local-notifier.js';
import { SnsNotifier } from '../../functions/adapters/sns-notifier.js';
import type { DynamoStore } from '../../functions/adapters/dynamo-store.js';
import { removeDeadPushEndpoint } from '../../functions/core/push-cleanup.js';
import { SubscriptionService } from '../../functions/core/subscriptions.js';
import { startStore } from '../helpers/store.js';

let store: DynamoStore;
let close: () => Promise<void>;
beforeAll(async () => {
  const started = await startStore();
  store = started.store;
  close = () => started.dynamo.close();
});
afterAll(async () => close?.());

function platform(attributes: Record<string, string>) {
  const sent: Array<{ command: string; input: unknown }> = [];
  const client = {
    send: async (c: { constructor: { name: string }; input: unknown }) => {
      sent.push({ command: c.constructor.name, input: c.input });
      return c.constructor.name === 'GetEndpointAttributesCommand' ? { Attributes: attributes } : {};
    },
  } as unknown as SNSClient;
  return { sns: new SnsNotifier({ client, topicPrefix: 'p' }), sent };
}

describe('removing dead push endpoints', () => {
  it('removes every subscription of a token SNS disabled, leaves other tokens, and deletes the endpoint', async () => {
    const notifier = new LocalNotifier();
    const subscriptions = new SubscriptionService({ store, notifier, now: () => new Date('2026-11-24T12:00:00Z') });
    const dead = 'd'.repeat(64);
    const a = await subscriptions.subscribe({ channel: 'push', platform: 'apns', token: dead }, { topics: ['medtop:16000000'], minUrgency: 3 });
    const b = await subscriptions.subscribe({ channel: 'push', platform: 'apns', token: dead }, { topics: ['medtop:15000000'], minUrgency: 3 });
    const alive = await subscriptions.subscribe({ channel: 'push', platform: 'apns', token: 'a'.repeat(64) }, { topics: ['medtop:16000000'], minUrgency: 3 });
    const arn = 'arn:aws:sns:eu-west-1:123456789012:endpoint/APNS/app/0f1e';
    const { sns, sent } = platform({ Enabled: 'false', Token: dead });
    const event = { EventType: 'DeliveryFailure', FailureType: 'EndpointDisabled', EndpointArn: arn };
    expect(await removeDeadPushEndpoint(event, { platform: sns, subscriptions })).toEqual({ endpointArn: arn, removed: 2 });
    expect(sent).toEqual([
      { command: 'GetEndpointAttributesCommand', input: { EndpointArn: arn } },
      { command: 'DeleteEndpointCommand', input: { EndpointArn: arn } },
    ]);
    expect(await store.getSubscriber(a.id)).toBeUndefined();
    expect(await store.getSubscriber(b.id)).toBeUndefined();
    expect(await store.getSubscriber(alive.id)).toMatchObject({ status: 'active' });
    // The sport segment had only the dead token: it went with it; the conflict one keeps the live token.
    expect(await store.getSegment(b.segmentKey)).toBeUndefined();
    expect(notifier.subscriptionCount((await store.getSegment(alive.segmentKey))!.topicRef)).toBe(1);
  });

  it('leaves an endpoint that is enabled again by the time the event is read', async () => {
    const { sns, sent } = platform({ Enabled: 'true', Token: 'e'.repeat(64) });
    const subscriptions = new SubscriptionService({ store, notifier: new LocalNotifier(), now: () => new Date() });
    const arn = 'arn:aws:sns:eu-west-1:123456789012:endpoint/GCM/app/77';
    expect(await removeDeadPushEndpoint({ EventType: 'EndpointUpdated', EndpointArn: arn }, { platform: sns, subscriptions })).toEqual({ endpointArn: arn, removed: 0 });
    expect(sent.map((s) => s.command)).toEqual(['GetEndpointAttributesCommand']);
    expect(await removeDeadPushEndpoint({ EventType: 'DeliveryFailure' }, { platform: sns, subscriptions })).toEqual({ removed: 0 });
  });
});
