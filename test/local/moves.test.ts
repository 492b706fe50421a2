/** Changing preferences moves a subscriber between segments with no gap and no double delivery. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocal, type LocalRuntime } from '../../functions/local/local-app.js';
import { call } from '../helpers/http.js';

let local: LocalRuntime;
let clock = new Date('2026-05-01T12:00:00Z');
const tick = () => (clock = new Date(clock.getTime() + 1_000));
beforeAll(async () => {
  local = await startLocal({ logLevel: 'SILENT', smsDoubleOptIn: false, now: () => tick(), holdBand: { from: 2, to: 2 }, sweepIntervalMs: 3_600_000 });
});
afterAll(async () => local?.close());

const post = async (id: string, headline: string, hints: Record<string, unknown>) =>
  (await call(local.url, 'POST', '/v1/articles', { key: local.keys.editor, body: { id, headline, body: `${headline}, officials said.`, hints } })).json.decision;
const toMe = async (alertId: string) => {
  await local.notifier.idle();
  return local.notifier.deliveries.filter((d) => d.alertId === alertId && d.to === '+14…401').length;
};

describe('PATCH /v1/subscriptions/{id}', () => {
  it('sends alerts from before the move by the old preferences and after it by the new, each once', async () => {
    const me = (await call(local.url, 'POST', '/v1/subscriptions', { key: local.keys.app, body: { channel: 'sms', phoneNumber: '+14155550401', preferences: { topics: ['medtop:16000000'], minUrgency: 3 } } })).json;
    const oldSegment = me.segment as string;
    // An alert created before the move, held, and approved after it.
    const before = await post('move-1', 'Rebels shell army positions near the capital', { urgency: 2, topics: ['medtop:16000000'] });
    expect(before.hold).toBe(true);

    const moved = await call(local.url, 'PATCH', `/v1/subscriptions/${me.id}`, { key: local.keys.app, body: { preferences: { topics: ['medtop:16000000', 'medtop:11000000'], minUrgency: 3 } } });
    expect(moved.status).toBe(200);
    expect(moved.json.segment).not.toBe(oldSegment);

    // After the move: an alert both segments match arrives once, by the new one.
    const after = await post('move-2', 'Troops clash with insurgents at the border', { urgency: 3, topics: ['medtop:16000000'] });
    expect(await toMe(after.alertId)).toBe(1);
    // A politics alert only the new preferences ask for arrives.
    const politics = await post('move-3', 'Parliament passes the budget after a long night', { urgency: 3, topics: ['medtop:11000000'] });
    expect(await toMe(politics.alertId)).toBe(1);
    // The alert from before the move, approved now, still arrives once, by the old subscription.
    await call(local.url, 'POST', `/v1/alerts/${before.alertId}/approve`, { key: local.keys.editor });
    expect(await toMe(before.alertId)).toBe(1);

    // Once the grace has passed the old subscription goes, and with its last member the old segment.
    expect(await local.app.subscriptions.retireMoved(0)).toBe(1);
    expect(await local.app.store.getSegment(oldSegment)).toBeUndefined();
    const later = await post('move-4', 'Navy seizes a ship carrying rockets in the gulf', { urgency: 3, topics: ['medtop:16000000'] });
    expect(later.alert).toBe(true);
    expect(await toMe(later.alertId)).toBe(1);

    const bad = await call(local.url, 'PATCH', `/v1/subscriptions/${me.id}`, { key: local.keys.app, body: { preferences: { minUrgency: 0 } } });
    expect(bad.json.error.code).toBe('VALIDATION_FAILED');
    expect((await call(local.url, 'PATCH', '/v1/subscriptions/sub_none', { key: local.keys.app, body: { preferences: { minUrgency: 3 } } })).json.error.code).toBe('SUBSCRIPTION_NOT_FOUND');
  });
});
