/**
 * Publishing costs one call per matching segment, whatever the number of subscribers:
 * the publisher, over a realistic registry in dynalite, calls the notifier exactly once
 * per segment that `matchesSegment` accepts, and never for the others.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DynamoStore } from '../../functions/adapters/dynamo-store.js';
import type { Notifier } from '../../functions/core/ports.js';
import { AlertPublisher } from '../../functions/core/publish-alert.js';
import { SegmentRegistry } from '../../functions/core/segment-registry.js';
import { matchesSegment } from '../../functions/core/segments.js';
import { realisticSegments } from '../../bench/segments-fixture.js';
import { alertFixture, startStore } from '../helpers/store.js';

let store: DynamoStore;
let close: () => Promise<void>;
const segments = realisticSegments(300, 1_000_000);
beforeAll(async () => {
  const started = await startStore();
  store = started.store;
  close = () => started.dynamo.close();
  for (const s of segments) await store.joinSegment({ key: s.key, preferences: s.preferences, topicRef: `topic-${s.key}` });
});
afterAll(async () => close?.());

describe('fan-out', () => {
  it('makes one publish per matching segment, none for the rest', async () => {
    const calls: string[] = [];
    const notifier = { publish: async (topicRef: string) => void calls.push(topicRef) } as unknown as Notifier;
    const now = new Date('2026-01-01T10:00:00Z');
    const publisher = new AlertPublisher({ store, notifier, registry: new SegmentRegistry(store), now: () => now });
    const alert = alertFixture({ id: 'al_fan', createdAt: now.toISOString(), urgency: 2, topics: ['medtop:16000000', 'medtop:20000056'] });
    await store.putAlert(alert, 'h');
    const expected = segments.filter((s) => matchesSegment(alert, s.preferences, now)).map((s) => `topic-${s.key}`).sort();
    expect(expected.length).toBeGreaterThan(50);
    expect(expected.length).toBeLessThan(segments.length);
    expect(await publisher.publish('al_fan')).toEqual({ status: 'sent', segments: expected.length, latencyMs: 0 });
    expect(calls.sort()).toEqual(expected);
  });
});
