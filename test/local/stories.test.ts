/** One event alerts once, over real HTTP: other sources and new versions are the same story; only an escalation alerts again, as an update. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocal, type LocalRuntime } from '../../functions/local/local-app.js';
import { call } from '../helpers/http.js';

let local: LocalRuntime;
const post = (body: unknown) => call(local.url, 'POST', '/v1/articles', { key: local.keys.editor, body });

beforeAll(async () => {
  local = await startLocal({ logLevel: 'SILENT', smsDoubleOptIn: false });
  await call(local.url, 'POST', '/v1/subscriptions', { key: local.keys.app, body: { channel: 'push', platform: 'fcm', token: 'device-token-0123456789abcdef', preferences: { topics: ['medtop:16000000'], minUrgency: 3 } } });
});
afterAll(async () => local?.close());

describe('stories', () => {
  it('alerts once for an event reported by two sources, and once more as an update when it escalates', async () => {
    const first = await post({
      id: 'wire-a-1', source: 'Wire A', headline: 'Car bomb kills 14 outside police station in Baghdad',
      body: 'A car bomb exploded outside a police station in central Baghdad on Monday, killing 14 people, officials said.',
    });
    expect(first.json.decision).toMatchObject({ alert: true });
    const second = await post({
      id: 'wire-b-7', source: 'Wire B', headline: 'Fourteen killed as car bomb hits Baghdad police station',
      body: 'At least 14 people were killed when a car bomb exploded near a police station in Baghdad, police said.',
    });
    expect(second.status).toBe(201);
    expect(second.json.decision).toEqual({ alert: false, reason: expect.stringMatching(new RegExp(`same story as alert ${first.json.decision.alertId} \\(similarity 0\\.\\d+\\), not at a higher wire level`)) });

    const elsewhere = await post({
      id: 'wire-c-3', headline: 'Car bomb kills 9 outside police station in Kabul',
      body: 'A car bomb exploded outside a police station in Kabul on Monday, killing nine people, officials said.',
    });
    expect(elsewhere.json.decision.alert).toBe(true);

    const escalated = await post({
      id: 'wire-a-1', version: 2, source: 'Wire A', headline: 'Baghdad bombings kill more than 100',
      body: 'A wave of car bombs killed at least 120 people across Baghdad on Monday, officials said.',
    });
    expect(escalated.json.effective.wire).toBe('flash');
    expect(escalated.json.decision).toMatchObject({ alert: true, reason: expect.stringContaining('raised from bulletin to flash: alerts once as an update') });
    const again = await post({
      id: 'wire-b-7', version: 2, source: 'Wire B', headline: 'More than 100 killed in Baghdad car bombings',
      body: 'Car bombs killed at least 120 people in Baghdad on Monday, police said.',
    });
    expect(again.json.decision.alert).toBe(false);

    await local.notifier.idle();
    const pushes = local.notifier.deliveries.filter((d) => d.channel === 'push').map((d) => JSON.parse(d.body).fcmV1Message.message);
    expect(pushes).toHaveLength(3);
    const [original, kabul, update] = pushes;
    expect(update.notification.title).toBe('Flash (update)');
    // The update replaces the first notification of its story, not the Kabul one.
    expect(update.android.collapse_key).toBe(original.android.collapse_key);
    expect(kabul.android.collapse_key).not.toBe(original.android.collapse_key);
    const updateAlert = (await call(local.url, 'GET', `/v1/alerts/${escalated.json.decision.alertId}`, { key: local.keys.editor })).json;
    expect(updateAlert).toMatchObject({ update: true, storyId: expect.stringMatching(/^st_/), wire: 'flash' });
  });
});

describe('manual alerts and corrections', () => {
  it('sends a manual alert once per idempotency key, and a correction to exactly those the original reached', async () => {
    await call(local.url, 'POST', '/v1/subscriptions', { key: local.keys.app, body: { channel: 'sms', phoneNumber: '+14155550181', preferences: { topics: ['medtop:17000000'], minUrgency: 3 } } });
    await call(local.url, 'POST', '/v1/subscriptions', { key: local.keys.app, body: { channel: 'sms', phoneNumber: '+14155550182', preferences: { topics: ['medtop:17000000'], minUrgency: 1 } } });
    const body = { id: 'storm-warning-1', headline: 'Storm warning: gales of 90 mph expected on the coast tonight', topics: ['medtop:17000000'], urgency: 3, url: 'https://news.example.com/storm' };
    const manual = await call(local.url, 'POST', '/v1/alerts', { key: local.keys.editor, body });
    expect(manual.status).toBe(201);
    expect(manual.json).toMatchObject({ alert: { wire: 'urgent', articleId: expect.stringMatching(/^manual:/) }, publish: { status: 'sent', segments: 1 } });
    const repeat = await call(local.url, 'POST', '/v1/alerts', { key: local.keys.editor, body });
    expect(repeat.status).toBe(200);
    expect(repeat.json.publish).toEqual({ status: 'skipped' });
    expect((await call(local.url, 'POST', '/v1/alerts', { key: local.keys.editor, body: { ...body, urgency: 2 } })).json.error.code).toBe('ALERT_ID_CONFLICT');
    const alertId = manual.json.alert.id as string;

    // A segment that appears after the alert (its preferences would match) could not have received it: no correction there.
    await call(local.url, 'POST', '/v1/subscriptions', { key: local.keys.app, body: { channel: 'sms', phoneNumber: '+14155550183', preferences: { topics: ['medtop:17000000'], minUrgency: 5 } } });
    const correction = await call(local.url, 'POST', `/v1/alerts/${alertId}/correction`, { key: local.keys.editor, body: { text: 'Gales of 70 mph, not 90, are expected on the coast tonight' } });
    expect(correction.status).toBe(201);
    const reached = (await call(local.url, 'GET', `/v1/alerts/${alertId}`, { key: local.keys.editor })).json.publishedSegments;
    expect(correction.json.alert).toMatchObject({ correctionOf: alertId, targetSegments: reached });
    await local.notifier.idle();
    const sms = local.notifier.deliveries.filter((d) => d.channel === 'sms' && (d.alertId === alertId || d.alertId === correction.json.alert.id));
    expect(sms.map((d) => `${d.to} ${d.body.split(':')[0]}`).sort()).toEqual(['+14…181 CORRECTION', '+14…181 NEWS ALERT']);
    const original = (await call(local.url, 'GET', `/v1/alerts/${alertId}`, { key: local.keys.editor })).json;
    expect(original.audit.map((e: { action: string }) => e.action)).toEqual(['written by hand', 'sent', 'corrected']);
    expect((await call(local.url, 'POST', '/v1/alerts/al_none/correction', { key: local.keys.editor, body: { text: 'x' } })).json.error.code).toBe('ALERT_NOT_FOUND');
  });
});
