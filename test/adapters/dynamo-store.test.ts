/** The DynamoDB store against dynalite: conditional writes, leases, the sparse pending index, segments. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DynamoStore } from '../../functions/adapters/dynamo-store.js';
import type { ArticleRecord } from '../../functions/core/ports.js';
import { alertFixture, startStore } from '../helpers/store.js';

let store: DynamoStore;
let close: () => Promise<void>;
beforeAll(async () => {
  const started = await startStore();
  store = started.store;
  close = () => started.dynamo.close();
});
afterAll(async () => close?.());

const t = (iso: string) => new Date(`2026-01-01T${iso}Z`);

function record(version: number, hash = 'h1'): ArticleRecord {
  return {
    article: { id: 'art-1', version, headline: 'Headline', body: 'Body', language: 'en' },
    classification: { urgency: 5, wire: 'routine', topics: [], places: [], reasons: [] },
    effective: { urgency: 5, wire: 'routine', topics: [], countries: [], overridden: [] },
    decision: { alert: false, reason: 'routine' },
    contentHash: hash,
    receivedAt: `2026-01-01T10:00:0${version}.000Z`,
  };
}

describe('DynamoStore', () => {
  it('writes an article version once and returns the stored one on a repeat', async () => {
    expect(await store.putArticle(record(1))).toBeUndefined();
    expect(await store.putArticle(record(1, 'other'))).toEqual(record(1));
    expect(await store.putArticle(record(2))).toBeUndefined();
    expect(await store.putArticle(record(10))).toBeUndefined();
    expect((await store.listArticleVersions('art-1')).map((r) => r.article.version)).toEqual([1, 2, 10]);
    expect(await store.getArticle('art-1', 3)).toBeUndefined();
  });

  it('claims a pending alert once, and again only when its lease has lapsed', async () => {
    const alert = alertFixture({ id: 'al_claim' });
    expect(await store.putAlert(alert, 'h')).toBeUndefined();
    expect(await store.putAlert({ ...alert, headline: 'changed' }, 'h2')).toEqual({ alert, contentHash: 'h' });

    const claimed = await store.claimAlert('al_claim', t('10:00:01'), 30_000);
    expect(claimed).toMatchObject({ status: 'publishing', attempts: 1 });
    expect(await store.claimAlert('al_claim', t('10:00:02'), 30_000)).toBeUndefined();
    // The publisher died: once the lease lapses, the sweeper sees it due and may claim it.
    expect((await store.listDueAlerts(t('10:00:20'), 10)).map((a) => a.id)).not.toContain('al_claim');
    expect((await store.listDueAlerts(t('10:00:40'), 10)).map((a) => a.id)).toContain('al_claim');
    expect(await store.claimAlert('al_claim', t('10:00:40'), 30_000)).toMatchObject({ attempts: 2 });

    await store.releaseAlert('al_claim', { error: 'seg-c throttled', retryAt: t('10:00:40'), segments: ['seg-b'] });
    expect(await store.claimAlert('al_claim', t('10:00:40'), 30_000)).toMatchObject({ attempts: 3, publishedSegments: ['seg-b'] });
    await store.markAlertSent('al_claim', t('10:00:41'), ['seg-a', 'seg-b']);
    const sent = await store.getAlert('al_claim');
    expect(sent).toMatchObject({ status: 'sent', sentAt: t('10:00:41').toISOString(), publishedSegments: ['seg-a', 'seg-b'] });
    expect(await store.claimAlert('al_claim', t('11:00:00'), 30_000)).toBeUndefined();
    expect((await store.listDueAlerts(t('23:00:00'), 10)).map((a) => a.id)).not.toContain('al_claim');
  });

  it('releases an alert for a retry at a later time, or marks it failed', async () => {
    await store.putAlert(alertFixture({ id: 'al_retry' }), 'h');
    await store.claimAlert('al_retry', t('10:00:01'), 30_000);
    await store.releaseAlert('al_retry', { error: 'throttled', retryAt: t('10:05:00'), segments: [] });
    expect(await store.claimAlert('al_retry', t('10:01:00'), 30_000)).toBeUndefined();
    expect(await store.getAlert('al_retry')).toMatchObject({ status: 'pending', lastError: 'throttled' });
    expect(await store.claimAlert('al_retry', t('10:05:00'), 30_000)).toMatchObject({ attempts: 2 });
    await store.releaseAlert('al_retry', { error: 'gave up', retryAt: undefined, segments: [] });
    expect(await store.getAlert('al_retry')).toMatchObject({ status: 'failed', lastError: 'gave up' });
    expect((await store.listDueAlerts(t('23:00:00'), 10)).map((a) => a.id)).not.toContain('al_retry');
  });

  it('keeps the segment registry and its version: created with the first subscriber, deleted with the last', async () => {
    const before = await store.segmentRegistryVersion();
    const segment = { key: 'seg-1', preferences: { topics: ['medtop:15000000'], minUrgency: 3 }, topicRef: 'topic-1' };
    await store.joinSegment(segment);
    const afterCreate = await store.segmentRegistryVersion();
    expect(afterCreate).toBe(before + 1);
    await store.joinSegment({ ...segment, topicRef: 'ignored-second-ref' });
    expect(await store.segmentRegistryVersion()).toBe(afterCreate);
    expect(await store.getSegment('seg-1')).toEqual(segment);
    expect(await store.listSegments()).toEqual([segment]);

    expect(await store.leaveSegment('seg-1')).toBeUndefined();
    expect(await store.leaveSegment('seg-1')).toEqual(segment);
    expect(await store.segmentRegistryVersion()).toBe(afterCreate + 1);
    expect(await store.listSegments()).toEqual([]);
    expect(await store.leaveSegment('seg-1')).toBeUndefined();
  });

  it('deletes a subscriber once', async () => {
    const subscriber = {
      id: 'sub_1',
      endpoint: { channel: 'sms' as const, phoneNumber: '+14155552671' },
      preferences: { topics: [], minUrgency: 3 },
      segmentKey: 'seg-x',
      status: 'active' as const,
      subscriptionRef: 'ref',
      createdAt: '2026-01-01T00:00:00.000Z',
    };
    await store.putSubscriber(subscriber);
    expect(await store.getSubscriber('sub_1')).toEqual(subscriber);
    expect(await store.deleteSubscriber('sub_1')).toBe(true);
    expect(await store.deleteSubscriber('sub_1')).toBe(false);
  });
});
