/** Access over real HTTP: roles, key management by admins, immediate revocation, HMAC-signed CMS posts. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signBody } from '../../functions/api/auth.js';
import { startLocal, type LocalRuntime } from '../../functions/local/local-app.js';
import { call } from '../helpers/http.js';

let local: LocalRuntime;
beforeAll(async () => {
  local = await startLocal({ logLevel: 'SILENT' });
});
afterAll(async () => local?.close());

const story = { headline: 'Gardeners gather for the autumn show', body: 'Prize marrows were on display.' };

describe('access', () => {
  it('lets an admin create, list and revoke keys; a viewer reads but cannot post; a revoked key is refused at once', async () => {
    expect((await call(local.url, 'GET', '/v1/keys', { key: local.keys.editor })).json.error.code).toBe('FORBIDDEN');
    const created = await call(local.url, 'POST', '/v1/keys', { key: local.keys.admin, body: { role: 'viewer', label: 'night desk' } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ role: 'viewer', label: 'night desk', kind: 'bearer', id: expect.stringMatching(/^[0-9a-f]{16}$/), key: expect.stringMatching(/^na_viewer_/) });
    const viewer = created.json.key as string;

    expect((await call(local.url, 'GET', '/v1/alerts', { key: viewer })).status).toBe(200);
    const post = await call(local.url, 'POST', '/v1/articles', { key: viewer, body: story });
    expect(post.status).toBe(403);
    expect(post.json.error.code).toBe('FORBIDDEN');

    const listed = await call(local.url, 'GET', '/v1/keys', { key: local.keys.admin });
    expect(listed.json.items.map((k: { label: string; role: string }) => `${k.role}:${k.label}`).sort()).toEqual(['admin:local', 'app:local', 'editor:local', 'viewer:night desk']);
    expect(JSON.stringify(listed.json)).not.toContain(viewer);

    expect((await call(local.url, 'DELETE', `/v1/keys/${created.json.id}`, { key: local.keys.admin })).status).toBe(204);
    const after = await call(local.url, 'GET', '/v1/alerts', { key: viewer });
    expect(after.status).toBe(401);
    expect(after.json.error.code).toBe('INVALID_API_KEY');
    expect((await call(local.url, 'DELETE', `/v1/keys/${created.json.id}`, { key: local.keys.admin })).json.error.code).toBe('KEY_NOT_FOUND');
    expect((await call(local.url, 'POST', '/v1/keys', { key: local.keys.admin, body: { role: 'root', label: 'x' } })).status).toBe(400);
  });

  it('answers a browser preflight with 204 and no key, only on paths that exist', async () => {
    const preflight = await call(local.url, 'OPTIONS', '/v1/articles', { headers: { origin: 'https://desk.example.com', 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('allow')).toBe('POST, GET, OPTIONS');
    expect((await call(local.url, 'OPTIONS', '/v1/alerts/al_x/approve')).status).toBe(204);
    expect((await call(local.url, 'OPTIONS', '/v1/subscriptions')).status).toBe(204);
    expect((await call(local.url, 'OPTIONS', '/v1/nothing-here')).status).toBe(404);
  });

  it('accepts a CMS body signed with HMAC-SHA256 over timestamp and body, and refuses a wrong or stale signature', async () => {
    const signing = await call(local.url, 'POST', '/v1/keys', { key: local.keys.admin, body: { role: 'editor', label: 'cms', kind: 'signing' } });
    expect(signing.json).toMatchObject({ kind: 'signing', id: expect.stringMatching(/^[0-9a-f]{16}$/), secret: expect.any(String) });
    const { id, secret } = signing.json as { id: string; secret: string };
    const body = JSON.stringify({ id: 'signed-1', ...story });
    const signed = (timestamp: number, signature?: string) =>
      call(local.url, 'POST', '/v1/articles', {
        raw: body,
        headers: {
          'x-newsalert-key-id': id,
          'x-newsalert-timestamp': String(timestamp),
          'x-newsalert-signature': `sha256=${signature ?? signBody(secret, String(timestamp), body)}`,
        },
      });
    const now = Math.floor(Date.now() / 1000);
    const ok = await signed(now);
    expect(ok.status).toBe(201);
    expect((await signed(now, signBody('not-the-secret', String(now), body))).json.error.code).toBe('INVALID_SIGNATURE');
    // Ten seconds past the 5-minute window either way: the clock moves while the test runs.
    const fromNow = (seconds: number) => Math.floor(Date.now() / 1000) + seconds;
    expect((await signed(fromNow(-310))).json.error.code).toBe('SIGNATURE_EXPIRED');
    expect((await signed(fromNow(310))).json.error.code).toBe('SIGNATURE_EXPIRED');
    const listed = await call(local.url, 'GET', '/v1/keys', { key: local.keys.admin });
    expect(JSON.stringify(listed.json)).not.toContain(secret);
  });
});

describe('OpenAPI', () => {
  it('serves an OpenAPI 3.1 document generated from the request schemas', async () => {
    const doc = await call(local.url, 'GET', '/v1/openapi.json', { key: local.keys.app });
    expect(doc.status).toBe(200);
    expect(doc.json.openapi).toBe('3.1.0');
    expect(Object.keys(doc.json.paths).sort()).toEqual([
      '/health', '/v1/alerts', '/v1/alerts/{id}', '/v1/alerts/{id}/approve', '/v1/alerts/{id}/correction', '/v1/alerts/{id}/reject', '/v1/alerts/{id}/retry',
      '/v1/articles', '/v1/articles/{id}', '/v1/keys', '/v1/keys/{id}', '/v1/openapi.json', '/v1/sms/inbound', '/v1/subscriptions', '/v1/subscriptions/{id}',
      '/v1/subscriptions/{id}/confirm', '/v1/subscriptions/{id}/enable', '/v1/topics',
    ]);
    const article = doc.json.paths['/v1/articles'].post.requestBody.content['application/json'].schema;
    expect(article.required).toEqual(['headline']);
    expect(article.properties.headline).toMatchObject({ type: 'string', minLength: 1, maxLength: 1000 });
    expect(article.properties.hints.properties.urgency).toMatchObject({ type: 'integer', minimum: 1, maximum: 9 });
    const subscription = doc.json.paths['/v1/subscriptions'].post.requestBody.content['application/json'].schema;
    expect(subscription.oneOf.map((o: { properties: { channel: { const: string } } }) => o.properties.channel.const)).toEqual(['sms', 'push', 'webhook']);
  });
});
