/** Security properties over real HTTP: auth on every route but health, hashed keys, masked endpoints. */
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocal, type LocalRuntime } from '../../functions/local/local-app.js';
import { call } from '../helpers/http.js';

let local: LocalRuntime;
const printed: string[] = [];
beforeAll(async () => {
  local = await startLocal({ logLevel: 'SILENT', smsDoubleOptIn: false, print: (line) => printed.push(line) });
});
afterAll(async () => local?.close());

const ROUTES: Array<[string, string]> = [
  ['POST', '/v1/articles'], ['GET', '/v1/articles/x'], ['GET', '/v1/alerts'], ['GET', '/v1/alerts/x'],
  ['POST', '/v1/subscriptions'], ['GET', '/v1/subscriptions/x'], ['DELETE', '/v1/subscriptions/x'], ['GET', '/local/deliveries'],
  ['POST', '/v1/alerts'], ['POST', '/v1/alerts/x/approve'], ['POST', '/v1/alerts/x/correction'], ['GET', '/v1/keys'], ['POST', '/v1/keys'], ['DELETE', '/v1/keys/x'],
  ['GET', '/v1/openapi.json'],
];

describe('security', () => {
  it('refuses every route but /health without a key', async () => {
    expect((await call(local.url, 'GET', '/health')).status).toBe(200);
    for (const [method, path] of ROUTES) {
      const response = await call(local.url, method, path, method === 'POST' ? { body: { headline: 'x', body: 'y' } } : {});
      expect(response.status, `${method} ${path}`).toBe(401);
      expect(response.json.error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('stores API keys only as hashes', async () => {
    const { Items = [] } = await local.dynamoClient.send(new ScanCommand({ TableName: 'newsalert' }));
    const dump = JSON.stringify(Items);
    expect(dump).not.toContain(local.keys.editor);
    expect(dump).not.toContain(local.keys.app);
    expect(dump).not.toContain(local.keys.admin);
    const keys = Items.filter((item) => item.pk?.S?.startsWith('KEY#')).map((item) => item.pk!.S);
    expect(keys).toHaveLength(3);
    for (const key of keys) expect(key).toMatch(/^KEY#[0-9a-f]{64}$/);
  });

  it('never prints a phone number or device token in full', async () => {
    const phone = '+14155550199';
    const token = 'f'.repeat(40) + '1234567890abcdef';
    await call(local.url, 'POST', '/v1/subscriptions', { key: local.keys.app, body: { channel: 'sms', phoneNumber: phone } });
    await call(local.url, 'POST', '/v1/subscriptions', { key: local.keys.app, body: { channel: 'push', platform: 'fcm', token } });
    await call(local.url, 'POST', '/v1/articles', { key: local.keys.editor, body: { headline: 'Bomb blast kills 12 at city market', body: 'Police said the blast struck at noon.' } });
    await local.notifier.idle();
    expect(printed.length).toBe(2);
    for (const line of printed) {
      expect(line).not.toContain(phone);
      expect(line).not.toContain(token);
    }
    expect(printed.join('\n')).toContain('+14…199');
  });
});
