/** What the editors' desk reads: the wire list, an article with its alert's exact texts, and reach by channel. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocal, type LocalRuntime } from '../../functions/local/local-app.js';
import { call } from '../helpers/http.js';
import { seedArticle } from '../helpers/seed.js';

let local: LocalRuntime;
beforeAll(async () => {
  local = await startLocal({ logLevel: 'SILENT', smsDoubleOptIn: false });
  const subscribe = (body: Record<string, unknown>) => call(local.url, 'POST', '/v1/subscriptions', { key: local.keys.app, body: { ...body, preferences: { minUrgency: 'bulletin' } } });
  expect((await subscribe({ channel: 'sms', phoneNumber: '+14155550501' })).status).toBe(201);
  expect((await subscribe({ channel: 'sms', phoneNumber: '+14155550502' })).status).toBe(201);
  expect((await subscribe({ channel: 'push', platform: 'fcm', token: 'desk-device-token-0001' })).status).toBe(201);
});
afterAll(async () => local?.close());

const get = async (path: string) => (await call(local.url, 'GET', path, { key: local.keys.editor })).json;

describe('the desk API', () => {
  it('lists articles newest first with wire, primary topic, places and decision, page by page', async () => {
    for (const [id, headline] of [
      ['desk-1', 'Council approves budget for new library'],
      ['desk-2', 'Earthquake kills dozens in northern Peru'],
      ['desk-3', 'Stocks edge higher as investors await jobs data'],
    ]) {
      expect((await call(local.url, 'POST', '/v1/articles', { key: local.keys.editor, body: { id, headline, body: `${headline}, officials said on Monday.` } })).status).toBe(201);
    }
    const first = await get('/v1/articles?limit=2');
    expect(first.items.map((a: { id: string }) => a.id)).toEqual(['desk-3', 'desk-2']);
    expect(first.items[1]).toMatchObject({ id: 'desk-2', version: 1, wire: expect.stringMatching(/flash|bulletin/), topic: { code: 'medtop:03000000', label: 'disaster, accident and emergency incident' }, countries: ['PE'], decision: { alert: true } });
    expect(first.items[1]).not.toHaveProperty('body');
    const second = await get(`/v1/articles?limit=2&cursor=${encodeURIComponent(first.cursor)}`);
    expect(second.items.map((a: { id: string }) => a.id)).toEqual(['desk-1']);
    expect((await call(local.url, 'GET', '/v1/articles?limit=0', { key: local.keys.editor })).json.error.code).toBe('INVALID_LIMIT');
  });

  it('shows an alerted article with its exact SMS and push texts and whom it reached, by channel', async () => {
    const posted = (await call(local.url, 'POST', '/v1/articles', { key: local.keys.editor, body: seedArticle() })).json;
    await local.notifier.idle();
    const view = await get(`/v1/articles/${posted.article.id}`);
    expect(view.alert).toMatchObject({ id: posted.decision.alertId, status: 'sent' });
    expect(view.preview.sms).toEqual({ text: 'BREAKING: Iran fires missiles at Iraqi air base housing US troops https://news.example.com/world/ain-assad', encoding: 'GSM-7', parts: 1, units: 106 });
    expect(view.preview.push).toMatchObject({ title: 'Breaking news', body: 'Iran fires missiles at Iraqi air base housing US troops' });
    expect(view.audience).toEqual({ segments: 1, sms: 2, push: 1, webhook: 0, total: 3 });
    expect((await get(`/v1/alerts/${posted.decision.alertId}`)).reach).toEqual({ sms: 2, push: 1, webhook: 0, total: 3 });
  });

  it('shows a recorded article with the audience its alert would have now', async () => {
    const view = await get('/v1/articles/desk-1');
    expect(view.decision.alert).toBe(false);
    expect(view).not.toHaveProperty('alert');
    expect(view.preview.sms.text).toMatch(/^NEWS: Council approves budget for new library$/);
    expect(view.audience).toEqual({ segments: 0, sms: 0, push: 0, webhook: 0, total: 0 });
  });

  it('lists the topics it knows for pickers, to any key', async () => {
    const topics = (await call(local.url, 'GET', '/v1/topics', { key: local.keys.app })).json.items;
    expect(topics).toHaveLength(17 + 23);
    expect(topics).toContainEqual({ code: 'medtop:16000000', label: 'conflict, war and peace' });
    expect(topics).toContainEqual({ code: 'medtop:20000574', label: 'election', parent: 'medtop:11000000' });
    expect((await call(local.url, 'GET', '/v1/topics')).status).toBe(401);
  });
});
