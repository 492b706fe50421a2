/**
 * Webhooks delivered by newsalert itself, over real HTTP on loopback: signed with the
 * subscription's own secret, retried with backoff, and disabled after failing too often.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocal, type LocalRuntime } from '../../functions/local/local-app.js';
import { call } from '../helpers/http.js';
import { startWebhookReceiver } from '../helpers/webhook-receiver.js';

let local: LocalRuntime;
// /flaky fails its first two tries of each alert; /dead always fails; the rest answer 204.
let hook: Awaited<ReturnType<typeof startWebhookReceiver>>;
let deadAnswers = 500;

beforeAll(async () => {
  local = await startLocal({ logLevel: 'SILENT', alertThreshold: 9, webhooks: { retryDelaysMs: [20, 40], disableAfter: 2 } });
  hook = await startWebhookReceiver((path, seen) => (path === '/dead' ? deadAnswers : path === '/flaky' && seen % 3 < 2 ? 503 : 204));
});
afterAll(async () => {
  await local?.close();
  await hook?.close();
});

const subscribe = async (path: string, topics: string[]) => {
  const response = await call(local.url, 'POST', '/v1/subscriptions', { key: local.keys.app, body: { channel: 'webhook', url: `${hook.url}${path}`, preferences: { topics, minUrgency: 5 } } });
  expect(response.status, JSON.stringify(response.json)).toBe(201);
  return response.json;
};
let n = 0;
const postAlert = async (headline: string) => {
  const response = await call(local.url, 'POST', '/v1/articles', { key: local.keys.editor, body: { id: `hook-${++n}`, headline, body: `${headline}. Officials confirmed the figures on Tuesday.` } });
  expect(response.json.decision.alert, JSON.stringify(response.json.decision)).toBe(true);
  await local.notifier.idle();
  return response.json.decision.alertId as string;
};
const receivedAt = (path: string) => hook.received.filter((r) => r.path === path);
const getSubscription = async (id: string) => (await call(local.url, 'GET', `/v1/subscriptions/${id}`, { key: local.keys.app })).json;

describe('webhooks', () => {
  it('are signed with a secret shown once, at creation, and verifiable by the receiver', async () => {
    const created = await subscribe('/signed', []);
    expect(created.secret).toMatch(/^whsec_/);
    const shown = await getSubscription(created.id);
    expect(shown.secret).toBeUndefined();
    expect(JSON.stringify(shown)).not.toContain(created.secret.slice(6));
    expect(shown.delivery).toEqual({ state: 'enabled', consecutiveFailures: 0 });

    const alertId = await postAlert('Earthquake of magnitude 7.1 kills at least 40 people in southern Peru');
    const [delivery, ...more] = receivedAt('/signed');
    expect(more).toHaveLength(0);
    expect(delivery!.body).toMatchObject({ type: 'alert', alert: { id: alertId } });
    const { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': signature } = delivery!.headers as Record<string, string>;
    expect(id).toBe(`${alertId}.${created.id}`);
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(60);
    const key = Buffer.from(created.secret.slice('whsec_'.length), 'base64');
    expect(signature).toBe(`v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${delivery!.raw}`).digest('base64')}`);
  });

  it('are retried with backoff until the endpoint answers, keeping the same id, and delivered once', async () => {
    const created = await subscribe('/flaky', []);
    const alertId = await postAlert('Volcano erupts near city of 200,000, thousands evacuated');
    const tries = receivedAt('/flaky');
    expect(tries).toHaveLength(3);
    expect(new Set(tries.map((t) => t.headers['webhook-id']))).toEqual(new Set([`${alertId}.${created.id}`]));
    expect(local.notifier.deliveries.filter((d) => d.alertId === alertId && d.to.endsWith('/flaky')).map((d) => d.status)).toEqual(['delivered']);
    expect((await getSubscription(created.id)).delivery).toEqual({ state: 'enabled', consecutiveFailures: 0 });
  });

  it('are disabled after failing deliveries in a row, say so, and come back when re-enabled', async () => {
    const created = await subscribe('/dead', []);
    await postAlert('Cyclone makes landfall, at least 12 killed as floods sweep coastal towns');
    expect(receivedAt('/dead')).toHaveLength(3);
    const once = await getSubscription(created.id);
    expect(once.delivery).toMatchObject({ state: 'enabled', consecutiveFailures: 1, lastError: 'HTTP 500' });

    await postAlert('Landslide buries village after days of rain, 25 feared dead');
    const disabled = await getSubscription(created.id);
    expect(disabled.delivery).toMatchObject({ state: 'disabled', consecutiveFailures: 2, lastError: 'HTTP 500' });
    expect(Date.parse(disabled.delivery.disabledAt)).toBeGreaterThan(0);
    expect(receivedAt('/dead')).toHaveLength(6);

    await postAlert('Wildfire forces evacuation of 30,000 as winds strengthen');
    expect(receivedAt('/dead')).toHaveLength(6);

    deadAnswers = 200;
    const enabled = await call(local.url, 'POST', `/v1/subscriptions/${created.id}/enable`, { key: local.keys.app });
    expect(enabled.json.delivery).toEqual({ state: 'enabled', consecutiveFailures: 0 });
    await postAlert('Flash floods kill 18 after record rainfall in the capital');
    expect(receivedAt('/dead')).toHaveLength(7);
  });

  it('refuses to enable what is not a webhook, with a clear code', async () => {
    const sms = await call(local.url, 'POST', '/v1/subscriptions', { key: local.keys.app, body: { channel: 'push', platform: 'fcm', token: 'f'.repeat(64) } });
    const response = await call(local.url, 'POST', `/v1/subscriptions/${sms.json.id}/enable`, { key: local.keys.app });
    expect(response.status).toBe(409);
    expect(response.json.error.code).toBe('NOT_A_WEBHOOK');
  });
});
