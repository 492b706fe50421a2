/** Concurrent duplicates over real HTTP: one alert, one delivery per subscriber, one segment. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocal, type LocalRuntime } from '../../functions/local/local-app.js';
import { call } from '../helpers/http.js';
import { seedArticle } from '../helpers/seed.js';

let local: LocalRuntime;
beforeAll(async () => {
  local = await startLocal({ logLevel: 'SILENT', smsDoubleOptIn: false });
});
afterAll(async () => local?.close());

describe('concurrency', () => {
  it('50 concurrent posts of the same article make one alert, delivered once per subscriber', async () => {
    for (const phone of ['+14155550101', '+14155550102', '+14155550103']) {
      expect((await call(local.url, 'POST', '/v1/subscriptions', { key: local.keys.app, body: { channel: 'sms', phoneNumber: phone, preferences: { topics: ['medtop:16000000'] } } })).status).toBe(201);
    }
    const article = seedArticle({ id: 'concurrent-seed' });
    const responses = await Promise.all(Array.from({ length: 50 }, () => call(local.url, 'POST', '/v1/articles', { key: local.keys.editor, body: article })));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(49);
    expect(new Set(responses.map((r) => JSON.stringify(r.json))).size).toBe(1);
    const alertId = responses[0]!.json.decision.alertId as string;
    await local.notifier.idle();
    const delivered = local.notifier.deliveries.filter((d) => d.alertId === alertId);
    expect(delivered.map((d) => d.to).sort()).toEqual(['+14…101', '+14…102', '+14…103']);
    expect((await call(local.url, 'GET', '/v1/alerts', { key: local.keys.editor })).json.items).toHaveLength(1);
  });

  it('20 concurrent subscriptions with the same preferences share one segment, and it goes with the last', async () => {
    const preferences = { topics: ['medtop:15000000', 'medtop:04000000'], minUrgency: 2 };
    const created = await Promise.all(
      Array.from({ length: 20 }, (_, i) => call(local.url, 'POST', '/v1/subscriptions', { key: local.keys.app, body: { channel: 'webhook', url: `http://127.0.0.1:9/${i}`, preferences } })),
    );
    expect(created.every((r) => r.status === 201)).toBe(true);
    const segments = new Set(created.map((r) => r.json.segment as string));
    expect(segments.size).toBe(1);
    const [key] = [...segments];
    expect(await local.app.store.listWebhookMemberships(key!)).toHaveLength(20);
    const removed = await Promise.all(created.map((r) => call(local.url, 'DELETE', `/v1/subscriptions/${r.json.id}`, { key: local.keys.app })));
    expect(removed.every((r) => r.status === 204)).toBe(true);
    expect(await local.app.store.getSegment(key!)).toBeUndefined();
    expect(await local.app.store.listWebhookMemberships(key!)).toHaveLength(0);
  });
});
