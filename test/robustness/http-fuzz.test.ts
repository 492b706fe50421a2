/**
 * Hostile and malformed requests over real HTTP: every answer is a 2xx or a 4xx with an
 * error code, never a 500; nothing leaks into Object.prototype; the server keeps serving.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocal, type LocalRuntime } from '../../functions/local/local-app.js';
import { call } from '../helpers/http.js';

let local: LocalRuntime;
beforeAll(async () => {
  local = await startLocal({ logLevel: 'SILENT' });
});
afterAll(async () => local?.close());

function expectHandled(response: { status: number; json: any }) {
  expect(response.status).toBeLessThan(500);
  if (response.status >= 400) expect(response.json?.error?.code).toMatch(/^[A-Z][A-Z0-9_]+$/);
}

const deep = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('HTTP fuzz', () => {
  it('answers hand-picked hostile bodies without a 500', async () => {
    const bodies: Array<string | Buffer> = [
      '{"__proto__": {"polluted": true}, "headline": "x", "body": "y"}',
      '{"constructor": {"prototype": {"polluted": true}}, "headline": "x", "body": "y"}',
      JSON.stringify({ headline: '<script>alert(1)</script><img src=x onerror=alert(2)>Blast hits city', body: '<iframe src="javascript:alert(3)"></iframe>' }),
      deep(10_000),
      `{"headline": ${deep(5_000)}}`,
      JSON.stringify({ headline: 'x'.repeat(10_000), body: 'y' }),
      JSON.stringify({ headline: 'x', body: 'y', version: 1e308 }),
      JSON.stringify({ headline: 'x', body: 'y', version: -1 }),
      JSON.stringify({ headline: 'x', body: 'y', url: 'javascript:alert(1)' }),
      JSON.stringify({ headline: 'x', body: 'y', id: '../../etc/passwd' }),
      JSON.stringify({ headline: ['x'], body: { text: 'y' } }),
      JSON.stringify({ headline: null, body: null }),
      Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1]),
      'null',
      '"just a string"',
      '123',
      '\u0000\u0001\u0002',
    ];
    for (const raw of bodies) {
      for (const [path, key] of [['/v1/articles', local.keys.editor], ['/v1/subscriptions', local.keys.app]] as const) {
        expectHandled(await call(local.url, 'POST', path, { key, raw }));
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // The script never reaches a subscriber's screen: the stored headline is text.
    const alerts = await call(local.url, 'GET', '/v1/alerts', { key: local.keys.editor });
    for (const alert of alerts.json.items) expect(alert.headline).not.toMatch(/<|>/);
  });

  it('answers random JSON, random bytes and random headers without a 500', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue().map((v) => JSON.stringify(v)),
          fc.record({ headline: fc.jsonValue(), body: fc.jsonValue(), version: fc.jsonValue(), id: fc.jsonValue() }).map((v) => JSON.stringify(v)),
          fc.record({ channel: fc.constantFrom('sms', 'push', 'webhook', 'fax'), phoneNumber: fc.string(), url: fc.string(), token: fc.string(), preferences: fc.jsonValue() }).map((v) => JSON.stringify(v)),
          fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
        ),
        fc.constantFrom('/v1/articles', '/v1/subscriptions', '/v1/alerts', '/v1/articles/x%2Fy', '/v1/subscriptions/%00'),
        fc.constantFrom('GET', 'POST', 'DELETE', 'PUT', 'PATCH'),
        fc.constantFrom('application/json', 'text/plain', 'application/octet-stream', 'multipart/form-data; boundary=x'),
        async (raw, path, method, contentType) => {
          const key = path.startsWith('/v1/subscriptions') ? local.keys.app : local.keys.editor;
          const body = method === 'GET' ? {} : { raw };
          expectHandled(await call(local.url, method, path, { key, headers: { 'content-type': contentType }, ...body }));
        },
      ),
      { numRuns: 150 },
    );
    expect((await call(local.url, 'GET', '/health')).status).toBe(200);
  });
});
