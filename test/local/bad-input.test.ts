/** Every client mistake gets the right 4xx and code, stores nothing, and the server keeps serving. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocal, type LocalRuntime } from '../../functions/local/local-app.js';
import { call } from '../helpers/http.js';

let local: LocalRuntime;
beforeAll(async () => {
  local = await startLocal({ logLevel: 'SILENT' });
});
afterAll(async () => {
  await local?.close();
});

const story = { id: 'bad-input-story', headline: 'Bomb blast kills 9 at a busy market', body: 'The blast struck at midday, police said.' };

describe('bad input', () => {
  const cases: Array<[string, () => Promise<{ status: number; json: any }>, number, string]> = [
    ['no auth', () => call(local.url, 'POST', '/v1/articles', { body: story }), 401, 'UNAUTHENTICATED'],
    ['a wrong key', () => call(local.url, 'POST', '/v1/articles', { key: 'na_editor_not-a-real-key-at-all', body: story }), 401, 'INVALID_API_KEY'],
    ['a malformed authorization header', () => call(local.url, 'POST', '/v1/articles', { headers: { authorization: 'Basic abc' }, body: story }), 401, 'INVALID_API_KEY'],
    ['an app key on an editor route', () => call(local.url, 'POST', '/v1/articles', { key: local.keys.app, body: story }), 403, 'FORBIDDEN'],
    ['an editor key on an app route', () => call(local.url, 'POST', '/v1/subscriptions', { key: local.keys.editor, body: { channel: 'sms', phoneNumber: '+14155552671' } }), 403, 'FORBIDDEN'],
    ['malformed JSON', () => call(local.url, 'POST', '/v1/articles', { key: local.keys.editor, raw: '{"headline": "x",' }), 400, 'MALFORMED_JSON'],
    ['an empty body', () => call(local.url, 'POST', '/v1/articles', { key: local.keys.editor, raw: '' }), 400, 'BODY_REQUIRED'],
    ['invalid UTF-8', () => call(local.url, 'POST', '/v1/articles', { key: local.keys.editor, raw: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]) }), 400, 'INVALID_UTF8'],
    ['a missing headline', () => call(local.url, 'POST', '/v1/articles', { key: local.keys.editor, body: { ...story, headline: undefined } }), 400, 'VALIDATION_FAILED'],
    ['a JSON array', () => call(local.url, 'POST', '/v1/articles', { key: local.keys.editor, body: [story] }), 400, 'VALIDATION_FAILED'],
    ['a headline of the wrong type', () => call(local.url, 'POST', '/v1/articles', { key: local.keys.editor, body: { ...story, headline: 42 } }), 400, 'VALIDATION_FAILED'],
    ['a body over 1 MB', () => call(local.url, 'POST', '/v1/articles', { key: local.keys.editor, body: { ...story, body: 'x'.repeat(1_100_000) } }), 413, 'PAYLOAD_TOO_LARGE'],
    ['an invalid phone number', () => call(local.url, 'POST', '/v1/subscriptions', { key: local.keys.app, body: { channel: 'sms', phoneNumber: '+44 12' } }), 400, 'VALIDATION_FAILED'],
    ['an unknown channel', () => call(local.url, 'POST', '/v1/subscriptions', { key: local.keys.app, body: { channel: 'fax', number: '1' } }), 400, 'VALIDATION_FAILED'],
    ['an unknown topic code', () => call(local.url, 'POST', '/v1/subscriptions', { key: local.keys.app, body: { channel: 'sms', phoneNumber: '+14155552671', preferences: { topics: ['sport'] } } }), 400, 'VALIDATION_FAILED'],
    ['an unknown route', () => call(local.url, 'GET', '/v2/nothing', { key: local.keys.editor }), 404, 'ROUTE_NOT_FOUND'],
    ['an unknown route under a known prefix', () => call(local.url, 'GET', '/v1/articles/a/b/c', { key: local.keys.editor }), 404, 'ROUTE_NOT_FOUND'],
    ['a wrong method', () => call(local.url, 'PUT', '/v1/articles', { key: local.keys.editor, body: story }), 405, 'METHOD_NOT_ALLOWED'],
    ['an unknown article', () => call(local.url, 'GET', '/v1/articles/nope', { key: local.keys.editor }), 404, 'ARTICLE_NOT_FOUND'],
    ['an unknown subscription', () => call(local.url, 'DELETE', '/v1/subscriptions/sub_nope', { key: local.keys.app }), 404, 'SUBSCRIPTION_NOT_FOUND'],
    ['a bad limit', () => call(local.url, 'GET', '/v1/alerts?limit=0', { key: local.keys.editor }), 400, 'INVALID_LIMIT'],
    ['a forged cursor', () => call(local.url, 'GET', '/v1/alerts?cursor=bm90LWEtY3Vyc29y', { key: local.keys.editor }), 400, 'INVALID_CURSOR'],
    ['bad percent-encoding', () => call(local.url, 'GET', '/v1/articles/%E0%A4%A', { key: local.keys.editor }), 400, 'INVALID_PATH'],
  ];

  it.each(cases)('%s → %i %s', async (_, send, status, code) => {
    const response = await send();
    expect(response.status).toBe(status);
    expect(response.json.error.code).toBe(code);
    expect(typeof response.json.error.message).toBe('string');
  });

  it('stored nothing and keeps serving', async () => {
    expect((await call(local.url, 'GET', '/health')).status).toBe(200);
    expect((await call(local.url, 'GET', `/v1/articles/${story.id}`, { key: local.keys.editor })).status).toBe(404);
    expect((await call(local.url, 'GET', '/v1/alerts', { key: local.keys.editor })).json.items).toEqual([]);
    expect(await local.app.store.listSegments()).toEqual([]);
    const ok = await call(local.url, 'POST', '/v1/articles', { key: local.keys.editor, body: story });
    expect(ok.status).toBe(201);
  });

  it('a repeat of an id and version with different content is a conflict, not a second alert', async () => {
    const changed = await call(local.url, 'POST', '/v1/articles', { key: local.keys.editor, body: { ...story, headline: 'Bomb blast kills 11 at a busy market' } });
    expect(changed.status).toBe(409);
    expect(changed.json.error.code).toBe('ARTICLE_VERSION_CONFLICT');
    const alerts = await call(local.url, 'GET', '/v1/alerts', { key: local.keys.editor });
    expect(alerts.json.items).toHaveLength(1);
    expect(alerts.json.items[0].headline).toBe(story.headline);
  });
});
