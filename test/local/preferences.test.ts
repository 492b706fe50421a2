/** Each preference through the local notifier, over real HTTP: a subscriber gets what matches, once, and nothing else. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocal, type LocalRuntime } from '../../functions/local/local-app.js';
import { call } from '../helpers/http.js';

let local: LocalRuntime;
let clock = new Date('2026-10-24T21:30:00Z'); // 22:30 in London (BST), the night before the clocks go back
beforeAll(async () => {
  local = await startLocal({ logLevel: 'SILENT', smsDoubleOptIn: false, now: () => clock });
});
afterAll(async () => local?.close());

const subscribe = async (phone: string, preferences: unknown) => {
  const response = await call(local.url, 'POST', '/v1/subscriptions', { key: local.keys.app, body: { channel: 'sms', phoneNumber: phone, preferences } });
  expect(response.status, JSON.stringify(response.json)).toBe(201);
  return response.json;
};
const post = async (id: string, body: Record<string, unknown>) => (await call(local.url, 'POST', '/v1/articles', { key: local.keys.editor, body: { id, ...body } })).json;
const reached = async (alertId: string) => {
  await local.notifier.idle();
  return local.notifier.deliveries.filter((d) => d.alertId === alertId).map((d) => d.to).sort();
};

describe('preferences', () => {
  it('honours topics (once for several), wire words, countries, language and quiet hours across a DST change', async () => {
    await subscribe('+14155550301', { topics: ['medtop:16000000', 'medtop:11000000'], minUrgency: 'bulletin' });
    await subscribe('+14155550302', { topics: [], minUrgency: 'urgent', countries: ['IQ'] });
    await subscribe('+14155550303', { topics: [], minUrgency: 3, language: 'fr' });
    await subscribe('+14155550304', { topics: [], minUrgency: 3, quietHours: { from: '22:00', to: '07:00', timeZone: 'Europe/London' } });

    // A bulletin about conflict and politics in Iraq, in English, at 22:30 London time.
    const bulletin = await post('pref-1', { headline: 'Car bomb kills 12 near parliament in Baghdad', body: 'A car bomb exploded near the parliament building in Baghdad, killing 12 people.', hints: { topics: ['medtop:16000000', 'medtop:11000000'] } });
    expect(await reached(bulletin.decision.alertId)).toEqual(['+14…301', '+14…302']);

    // A flash breaks through quiet hours.
    const flash = await post('pref-2', { headline: 'President of Iraq assassinated in Baghdad', body: 'The president was shot dead on Saturday.' });
    expect(flash.effective.wire).toBe('flash');
    expect(await reached(flash.decision.alertId)).toEqual(['+14…301', '+14…302', '+14…304']);

    // The next evening, after the clocks went back, 21:30 UTC is 21:30 GMT: no longer quiet.
    clock = new Date('2026-10-25T21:30:00Z');
    const later = await post('pref-3', { headline: 'Gunmen kill four police officers in Iraqi border ambush', body: 'The attack took place near the border with Syria, officials said.' });
    expect(await reached(later.decision.alertId)).toEqual(['+14…301', '+14…302', '+14…304']);

    // French: only the French subscriber (and those who take any language and match).
    const french = await post('pref-4', { headline: 'Un séisme fait 30 morts au Pérou', body: 'Un puissant séisme a frappé le nord du Pérou.', language: 'fr', hints: { urgency: 2, topics: ['medtop:03000000'], places: ['PE'] } });
    expect(await reached(french.decision.alertId)).toEqual(['+14…303', '+14…304']);
  });

  it('refuses preferences it cannot honour, with the field named', async () => {
    const bad = await call(local.url, 'POST', '/v1/subscriptions', {
      key: local.keys.app,
      body: { channel: 'sms', phoneNumber: '+14155550399', preferences: { minUrgency: 'routine', countries: ['Iraq'], quietHours: { from: '25:00', to: '07:00', timeZone: 'Mars/Olympus' }, extra: true } },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['preferences', 'preferences.countries.0', 'preferences.minUrgency', 'preferences.quietHours.from', 'preferences.quietHours.timeZone']);
  });
});
