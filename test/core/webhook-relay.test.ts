/** The webhook relay against a real store (dynalite): whom an alert goes to, and what a failure leaves behind. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DynamoStore } from '../../functions/adapters/dynamo-store.js';
import { WebhookRelay, type WebhookJob } from '../../functions/core/webhook-relay.js';
import type { Subscriber } from '../../functions/core/types.js';
import { startStore } from '../helpers/store.js';

let store: DynamoStore;
let close: () => Promise<void>;
beforeAll(async () => {
  const started = await startStore();
  store = started.store;
  close = () => started.dynamo.close();
});
afterAll(async () => close?.());

const subscriber = (id: string, overrides: Partial<Subscriber> = {}): Subscriber => ({
  id,
  endpoint: { channel: 'webhook', url: `https://hooks.example.com/${id}`, secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' },
  preferences: { topics: [], minUrgency: 3 },
  segmentKey: 'seg-a',
  status: 'active',
  createdAt: '2026-11-24T00:00:00Z',
  ...overrides,
});

function relayWith(answer: (url: string) => number | Error) {
  const posts: Array<{ url: string; headers: Record<string, string> }> = [];
  const retries: Array<{ job: WebhookJob; delayMs: number }> = [];
  const relay = new WebhookRelay({
    store,
    post: async (url, headers) => {
      posts.push({ url, headers });
      const result = answer(url);
      if (result instanceof Error) throw result;
      return result;
    },
    retryLater: async (job, delayMs) => void retries.push({ job, delayMs }),
    now: () => new Date('2026-11-24T12:00:00Z'),
    settings: { retryDelaysMs: [1_000, 5_000], disableAfter: 2 },
  });
  return { relay, posts, retries };
}

describe('WebhookRelay', () => {
  it("takes each membership's side of a move: after it, or up to it", async () => {
    const moveAt = Date.parse('2026-11-24T11:00:00Z');
    await store.putSubscriber(subscriber('sub_old'));
    await store.putSubscriber(subscriber('sub_new'));
    await store.putSubscriber(subscriber('sub_plain'));
    await store.putWebhookMembership({ ref: 'hook_1', segmentKey: 'seg-a', subscriberId: 'sub_old', window: { upTo: moveAt } });
    await store.putWebhookMembership({ ref: 'hook_2', segmentKey: 'seg-a', subscriberId: 'sub_new', window: { after: moveAt } });
    await store.putWebhookMembership({ ref: 'hook_3', segmentKey: 'seg-a', subscriberId: 'sub_plain' });
    await store.putWebhookMembership({ ref: 'hook_4', segmentKey: 'seg-b', subscriberId: 'sub_plain' });
    const { relay, posts } = relayWith(() => 200);
    await relay.relay('{}', { segment: 'seg-a', alertId: 'al_before', alertCreatedAt: String(moveAt) });
    await relay.relay('{}', { segment: 'seg-a', alertId: 'al_after', alertCreatedAt: String(moveAt + 1) });
    expect(posts.map((p) => `${p.headers['webhook-id']}`).sort()).toEqual(['al_after.sub_new', 'al_after.sub_plain', 'al_before.sub_old', 'al_before.sub_plain']);
    // Lifting the window (the old subscription is retired) makes the new one take everything.
    await store.setWebhookWindow('hook_2', undefined);
    expect((await store.listWebhookMemberships('seg-a')).find((m) => m.ref === 'hook_2')!.window).toBeUndefined();
    await store.setWebhookWindow('hook_gone', { upTo: 1 }); // no such membership: nothing is created
    expect(await store.listWebhookMemberships('seg-a')).toHaveLength(3);
  });

  it('skips subscribers that are gone, not yet active, or disabled, without a POST', async () => {
    await store.putSubscriber(subscriber('sub_pending', { status: 'pending_confirmation', segmentKey: 'seg-c' }));
    await store.putSubscriber(subscriber('sub_disabled', { segmentKey: 'seg-c', webhook: { consecutiveFailures: 5, disabledAt: '2026-11-24T10:00:00Z' } }));
    for (const id of ['sub_pending', 'sub_disabled', 'sub_missing']) await store.putWebhookMembership({ ref: `hook_${id}`, segmentKey: 'seg-c', subscriberId: id });
    const { relay, posts } = relayWith(() => 200);
    const outcomes = await relay.relay('{}', { segment: 'seg-c', alertId: 'al_x', alertCreatedAt: '1' });
    expect(outcomes.map((o) => (o.kind === 'skipped' ? `${o.job.subscriberId}:${o.reason}` : o.kind)).sort()).toEqual([
      'sub_disabled:disabled', 'sub_missing:gone', 'sub_pending:inactive',
    ]);
    expect(posts).toHaveLength(0);
  });

  it('schedules the next try with the configured delay, and counts a delivery that failed every try', async () => {
    await store.putSubscriber(subscriber('sub_down', { segmentKey: 'seg-d' }));
    const { relay, retries } = relayWith(() => new Error('connect ECONNREFUSED 127.0.0.1:9'));
    const first = await relay.deliver({ subscriberId: 'sub_down', alertId: 'al_1', body: '{}', attempt: 1 });
    expect(first).toMatchObject({ kind: 'retrying', delayMs: 1_000, error: 'connect ECONNREFUSED 127.0.0.1:9' });
    expect(retries.map((r) => [r.job.attempt, r.delayMs])).toEqual([[2, 1_000]]);
    await relay.deliver({ subscriberId: 'sub_down', alertId: 'al_1', body: '{}', attempt: 2 });
    const last = await relay.deliver({ subscriberId: 'sub_down', alertId: 'al_1', body: '{}', attempt: 3 });
    expect(last).toMatchObject({ kind: 'failed', health: { consecutiveFailures: 1, lastError: 'connect ECONNREFUSED 127.0.0.1:9' } });
    const second = await relay.deliver({ subscriberId: 'sub_down', alertId: 'al_2', body: '{}', attempt: 3 });
    expect(second).toMatchObject({ kind: 'failed', health: { consecutiveFailures: 2, disabledAt: '2026-11-24T12:00:00.000Z' } });
    expect((await store.getSubscriber('sub_down'))!.webhook).toEqual({
      consecutiveFailures: 2, lastError: 'connect ECONNREFUSED 127.0.0.1:9', lastFailureAt: '2026-11-24T12:00:00.000Z', disabledAt: '2026-11-24T12:00:00.000Z',
    });
    await store.resetWebhookHealth('sub_down');
    expect((await store.getSubscriber('sub_down'))!.webhook).toBeUndefined();
    expect(await store.recordWebhookFailure('sub_nobody', { error: 'x', at: new Date(), disableAfter: 2 })).toBeUndefined();
    expect(await store.getSubscriber('sub_nobody')).toBeUndefined();
  });
});
