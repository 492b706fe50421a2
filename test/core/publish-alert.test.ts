/**
 * The publisher against dynalite with a notifier that fails on command: a failed segment is
 * retried without resending to the ones that succeeded; a publisher that dies mid-way is
 * recovered by the sweeper; each segment gets the alert once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DynamoStore } from '../../functions/adapters/dynamo-store.js';
import type { Notifier } from '../../functions/core/ports.js';
import { AlertPublisher, sweepDueAlerts } from '../../functions/core/publish-alert.js';
import { SegmentRegistry } from '../../functions/core/segment-registry.js';
import type { Endpoint, RenderedMessage } from '../../functions/core/types.js';
import { alertFixture, startStore } from '../helpers/store.js';

/** A notifier that counts publishes per topic and fails the topics it is told to. */
class FlakyNotifier implements Notifier {
  readonly published: string[] = [];
  failing = new Set<string>();
  async createSegmentTopic(key: string) {
    return `topic-${key}`;
  }
  async deleteSegmentTopic() {}
  async subscribe(_topic: string, _endpoint: Endpoint) {
    return 'sub';
  }
  async unsubscribe() {}
  async setWindow() {}
  async attachWebhookRelay() {}
  async sendSms() {}
  async isOptedOut() {
    return false;
  }
  async publish(topicRef: string, _message: RenderedMessage) {
    if (this.failing.has(topicRef)) throw new Error(`throttled on ${topicRef}`);
    this.published.push(topicRef);
  }
}

let store: DynamoStore;
let close: () => Promise<void>;
let clock = new Date('2026-01-01T10:00:00Z');
const notifier = new FlakyNotifier();
let publisher: AlertPublisher;

beforeAll(async () => {
  const started = await startStore();
  store = started.store;
  close = () => started.dynamo.close();
  publisher = new AlertPublisher({ store, notifier, registry: new SegmentRegistry(store), now: () => clock, random: () => 0.5, settings: { retryBaseMs: 1_000, maxAttempts: 3 } });
  for (const [key, topics] of [['conflict', ['medtop:16000000']], ['all', []], ['sport', ['medtop:15000000']], ['conflict-flash', ['medtop:16000000']]] as const) {
    await store.joinSegment({ key, preferences: { topics: [...topics], minUrgency: key === 'conflict-flash' ? 1 : 3 }, topicRef: `topic-${key}` });
  }
});
afterAll(async () => close?.());

describe('AlertPublisher', () => {
  it('publishes once to each matching segment and marks the alert sent', async () => {
    await store.putAlert(alertFixture({ id: 'al_ok', createdAt: clock.toISOString() }), 'h');
    expect(await publisher.publish('al_ok')).toEqual({ status: 'sent', segments: 2, latencyMs: 0 });
    expect(notifier.published.sort()).toEqual(['topic-all', 'topic-conflict']);
    expect(await publisher.publish('al_ok')).toEqual({ status: 'skipped' });
    expect(notifier.published).toHaveLength(2);
  });

  it('retries only the segment that failed, with backoff, then sends', async () => {
    notifier.published.length = 0;
    notifier.failing.add('topic-all');
    await store.putAlert(alertFixture({ id: 'al_flaky', createdAt: clock.toISOString() }), 'h');
    const first = await publisher.publish('al_flaky');
    expect(first).toMatchObject({ status: 'retrying', segments: 1, error: expect.stringContaining('throttled on topic-all') });
    expect(notifier.published).toEqual(['topic-conflict']);
    // Not due yet: backoff holds it.
    expect(await sweepDueAlerts(store, publisher, clock)).toEqual([]);
    notifier.failing.clear();
    clock = new Date(clock.getTime() + 60_000);
    expect(await sweepDueAlerts(store, publisher, clock)).toEqual([{ status: 'sent', segments: 2, latencyMs: 60_000 }]);
    expect(notifier.published.sort()).toEqual(['topic-all', 'topic-conflict']);
  });

  it('marks an alert failed after its attempts run out, and the sweeper leaves it', async () => {
    notifier.failing.add('topic-all');
    await store.putAlert(alertFixture({ id: 'al_doomed', createdAt: clock.toISOString() }), 'h');
    const outcomes = [await publisher.publish('al_doomed')];
    for (let i = 0; i < 5; i++) {
      clock = new Date(clock.getTime() + 600_000);
      outcomes.push(...(await sweepDueAlerts(store, publisher, clock)));
    }
    expect(outcomes.map((o) => o.status)).toEqual(['retrying', 'retrying', 'failed']);
    expect(await store.getAlert('al_doomed')).toMatchObject({ status: 'failed', attempts: 3 });
    notifier.failing.clear();
  });

  it('recovers an alert whose publisher died after claiming it', async () => {
    notifier.published.length = 0;
    await store.putAlert(alertFixture({ id: 'al_orphan', createdAt: clock.toISOString() }), 'h');
    // A publisher claims it and dies before publishing anything.
    expect(await store.claimAlert('al_orphan', clock, 30_000)).toBeDefined();
    expect(await sweepDueAlerts(store, publisher, new Date(clock.getTime() + 10_000))).toEqual([]);
    clock = new Date(clock.getTime() + 31_000);
    expect(await sweepDueAlerts(store, publisher, clock)).toEqual([{ status: 'sent', segments: 2, latencyMs: 31_000 }]);
    expect(notifier.published.sort()).toEqual(['topic-all', 'topic-conflict']);
  });

  it('sees a segment created after the registry was cached', async () => {
    notifier.published.length = 0;
    await store.joinSegment({ key: 'late', preferences: { topics: ['medtop:16000000'], minUrgency: 9 }, topicRef: 'topic-late' });
    await store.putAlert(alertFixture({ id: 'al_late', createdAt: clock.toISOString() }), 'h');
    await publisher.publish('al_late');
    expect(notifier.published.sort()).toEqual(['topic-all', 'topic-conflict', 'topic-late']);
  });
});
