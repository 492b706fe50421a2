/**
 * The whole path over real HTTP on loopback: an app registers subscribers, an editor posts
 * the seed story, the alert reaches exactly the subscribers who asked for it, once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocal, type LocalRuntime } from '../../functions/local/local-app.js';
import { call, eventually } from '../helpers/http.js';
import { seedArticle } from '../helpers/seed.js';
import { startWebhookReceiver } from '../helpers/webhook-receiver.js';

let local: LocalRuntime;
let hook: Awaited<ReturnType<typeof startWebhookReceiver>>;

beforeAll(async () => {
  local = await startLocal({ logLevel: 'SILENT' });
  hook = await startWebhookReceiver();
});
afterAll(async () => {
  await local?.close();
  await hook?.close();
});

const subscribe = (body: unknown) => call(local.url, 'POST', '/v1/subscriptions', { key: local.keys.app, body });

describe('article to alert, end to end', () => {
  it('alerts a conflict webhook subscriber exactly once, and nobody who asked for sport only', async () => {
    const conflict = await subscribe({ channel: 'webhook', url: `${hook.url}/conflict`, preferences: { topics: ['medtop:16000000'], minUrgency: 3 } });
    expect(conflict.status).toBe(201);
    const sportHook = await subscribe({ channel: 'webhook', url: `${hook.url}/sport`, preferences: { topics: ['medtop:15000000'], minUrgency: 9 } });
    const sportSms = await subscribe({ channel: 'sms', phoneNumber: '+447700900123', preferences: { topics: ['medtop:15000000'] } });
    const conflictSms = await subscribe({ channel: 'sms', phoneNumber: '+14155552671', preferences: { topics: ['medtop:16000000'], minUrgency: 2 } });
    expect([sportHook.status, sportSms.status, conflictSms.status]).toEqual([201, 201, 201]);
    // Double opt-in: each new number gets a confirmation text; the conflict one confirms with its code.
    expect(conflictSms.json.status).toBe('pending_confirmation');
    const texts = local.notifier.deliveries.filter((d) => d.alertId === 'direct').map((d) => d.body);
    expect(texts).toHaveLength(2);
    const code = /code (\d{6})/.exec(local.notifier.deliveries.find((d) => d.to === '+14…671')!.body)![1]!;
    expect((await call(local.url, 'POST', `/v1/subscriptions/${conflictSms.json.id}/confirm`, { key: local.keys.app, body: { code: '000000' === code ? '111111' : '000000' } })).json.error.code).toBe('INVALID_CODE');
    const confirmed = await call(local.url, 'POST', `/v1/subscriptions/${conflictSms.json.id}/confirm`, { key: local.keys.app, body: { code } });
    expect(confirmed.json.status).toBe('active');

    const first = await call(local.url, 'POST', '/v1/articles', { key: local.keys.editor, body: seedArticle() });
    expect(first.status).toBe(201);
    const { classification, decision, article } = first.json;
    expect(classification.urgency).toBeLessThanOrEqual(2);
    expect(['flash', 'bulletin']).toContain(classification.wire);
    expect(classification.topics[0].code).toBe('medtop:16000000');
    expect(classification.places.map((p: { countryCode: string }) => p.countryCode)).toEqual(expect.arrayContaining(['IR', 'IQ']));
    expect(classification.reasons.length).toBeGreaterThan(0);
    expect(decision.alert).toBe(true);
    expect(decision.alertId).toMatch(/^al_/);
    // Normalisation removed the scraper's noise.
    expect(article.body).not.toMatch(/advertisement|With wires/i);

    // The CMS retries: same answer, no second alert.
    const repeat = await call(local.url, 'POST', '/v1/articles', { key: local.keys.editor, body: seedArticle() });
    expect(repeat.status).toBe(200);
    expect(repeat.json).toEqual(first.json);

    await eventually(() => hook.received.length >= 1);
    await local.notifier.idle();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(hook.received.map((r) => r.path)).toEqual(['/conflict']);
    const body = hook.received[0]!.body as { type: string; alert: Record<string, unknown> };
    expect(body.type).toBe('alert');
    expect(body.alert).toMatchObject({ id: decision.alertId, headline: seedArticle().headline, url: seedArticle().url, wire: classification.wire });

    // The SMS subscriber to conflict got one short GSM-7 line with the link; the sport one nothing.
    const sms = local.notifier.deliveries.filter((d) => d.channel === 'sms' && d.alertId === decision.alertId);
    expect(sms).toHaveLength(1);
    expect(sms[0]!.to).toBe('+14…671');
    expect(sms[0]!.body).toMatch(/^(FLASH|BREAKING): .+ https:\/\/news\.example\.com\/world\/ain-assad$/);
    expect(sms[0]!.body.length).toBeLessThanOrEqual(160);

    const alert = await call(local.url, 'GET', `/v1/alerts/${decision.alertId}`, { key: local.keys.editor });
    expect(alert.status).toBe(200);
    expect(alert.json.status).toBe('sent');
    expect(alert.json.publishedSegments).toHaveLength(2);

    const inbox = await call(local.url, 'GET', `/local/deliveries?alertId=${decision.alertId}`, { key: local.keys.editor });
    expect(inbox.json.items).toHaveLength(2);
  });

  it('records a routine article without an alert', async () => {
    const routine = await call(local.url, 'POST', '/v1/articles', {
      key: local.keys.editor,
      body: { headline: 'Gardeners share tips for a tidy allotment this autumn', body: 'Members of the club met on Saturday to swap seeds and advice.' },
    });
    expect(routine.status).toBe(201);
    expect(routine.json.classification.wire).toBe('routine');
    expect(routine.json.decision).toEqual({ alert: false, reason: expect.stringContaining('below the alert threshold') });
    const stored = await call(local.url, 'GET', `/v1/articles/${routine.json.article.id}`, { key: local.keys.editor });
    expect(stored.status).toBe(200);
    expect(stored.json.versions).toHaveLength(1);
  });

  it('lists alerts newest first with a cursor', async () => {
    for (const [i, headline] of ['Bomb blast kills 12 at market in northern city', 'Gunmen kill four police officers in border ambush'].entries()) {
      const posted = await call(local.url, 'POST', '/v1/articles', { key: local.keys.editor, body: { id: `list-${i}`, headline, body: `${headline}, officials said.` } });
      expect(posted.json.decision.alert).toBe(true);
    }
    const page1 = await call(local.url, 'GET', '/v1/alerts?limit=1', { key: local.keys.editor });
    expect(page1.json.items).toHaveLength(1);
    expect(page1.json.items[0].articleId).toBe('list-1');
    const page2 = await call(local.url, 'GET', `/v1/alerts?limit=1&cursor=${page1.json.cursor}`, { key: local.keys.editor });
    expect(page2.json.items[0].articleId).toBe('list-0');
  });

  it('an unconfirmed number gets only its confirmation; YES confirms; after STOP nothing more arrives and it cannot resubscribe until START', async () => {
    const phone = '+14155550777';
    const created = await subscribe({ channel: 'sms', phoneNumber: phone, preferences: { topics: [], minUrgency: 3 } });
    const first = await call(local.url, 'POST', '/v1/articles', { key: local.keys.editor, body: { id: 'optin-1', headline: 'Gunmen storm bank in capital, kill two guards', body: 'Two guards were killed, police said.' } });
    await local.notifier.idle();
    expect(local.notifier.deliveries.filter((d) => d.to === '+14…777').map((d) => d.alertId)).toEqual(['direct']);

    expect((await call(local.url, 'POST', '/v1/sms/inbound', { key: local.keys.app, body: { from: phone, text: ' yes ' } })).json).toEqual({ action: 'confirmed', subscriptions: 1 });
    const second = await call(local.url, 'POST', '/v1/articles', { key: local.keys.editor, body: { id: 'optin-2', headline: 'Avalanche kills five climbers in the Alps', body: 'Rescuers found the bodies on Sunday.' } });
    await local.notifier.idle();
    expect(local.notifier.deliveries.filter((d) => d.to === '+14…777').map((d) => d.alertId)).toEqual(['direct', second.json.decision.alertId]);
    expect(first.json.decision.alertId).not.toBe(second.json.decision.alertId);

    expect((await call(local.url, 'POST', '/v1/sms/inbound', { key: local.keys.app, body: { from: phone, text: 'STOP' } })).json).toEqual({ action: 'stopped', subscriptions: 1 });
    expect((await call(local.url, 'GET', `/v1/subscriptions/${created.json.id}`, { key: local.keys.app })).json.status).toBe('stopped');
    await call(local.url, 'POST', '/v1/articles', { key: local.keys.editor, body: { id: 'optin-3', headline: 'Ferry capsizes off the coast, 40 missing feared dead', body: 'The coastguard said 40 people were missing.' } });
    await local.notifier.idle();
    expect(local.notifier.deliveries.filter((d) => d.to === '+14…777')).toHaveLength(2);
    expect((await subscribe({ channel: 'sms', phoneNumber: phone })).json.error.code).toBe('PHONE_OPTED_OUT');
    await call(local.url, 'POST', '/v1/sms/inbound', { key: local.keys.app, body: { from: phone, text: 'START' } });
    expect((await subscribe({ channel: 'sms', phoneNumber: phone })).status).toBe(201);
  });

  it('a subscriber who unsubscribes receives nothing more, and the emptied segment goes', async () => {
    const created = await subscribe({ channel: 'webhook', url: `${hook.url}/gone`, preferences: { topics: ['medtop:03000000'], minUrgency: 5 } });
    expect(await local.app.store.listWebhookMemberships(created.json.segment)).toHaveLength(1);
    expect((await call(local.url, 'GET', `/v1/subscriptions/${created.json.id}`, { key: local.keys.app })).json.segment).toBe(created.json.segment);
    expect((await call(local.url, 'DELETE', `/v1/subscriptions/${created.json.id}`, { key: local.keys.app })).status).toBe(204);
    expect((await call(local.url, 'GET', `/v1/subscriptions/${created.json.id}`, { key: local.keys.app })).status).toBe(404);
    expect(await local.app.store.getSegment(created.json.segment)).toBeUndefined();
    await call(local.url, 'POST', '/v1/articles', { key: local.keys.editor, body: { headline: 'Earthquake kills 30 in mountain villages', body: 'Rescuers searched through the rubble on Tuesday.' } });
    await local.notifier.idle();
    expect(hook.received.filter((r) => r.path === '/gone')).toHaveLength(0);
  });
});
