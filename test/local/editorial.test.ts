/**
 * Editors in control, over real HTTP: preview without side effects, hints that win, hold
 * and approve (once, even when 20 editors click at the same moment), reject, retry a failed
 * alert, embargo, and the audit trail of every step.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocal, type LocalRuntime } from '../../functions/local/local-app.js';
import { call, eventually } from '../helpers/http.js';
import { alertFixture } from '../helpers/store.js';

let local: LocalRuntime;
const post = (body: unknown, query = '') => call(local.url, 'POST', `/v1/articles${query}`, { key: local.keys.editor, body });
const deliveriesOf = (alertId: string) => local.notifier.deliveries.filter((d) => d.alertId === alertId);

beforeAll(async () => {
  local = await startLocal({ logLevel: 'SILENT', smsDoubleOptIn: false, holdBand: { from: 3, to: 3 }, sweepIntervalMs: 200 });
  await call(local.url, 'POST', '/v1/subscriptions', { key: local.keys.app, body: { channel: 'sms', phoneNumber: '+14155550170', preferences: { minUrgency: 9 } } });
});
afterAll(async () => local?.close());

const urgentStory = { headline: 'Drugmaker agrees to buy rival for $8 billion', body: 'The deal was announced on Monday; shares rose.' };
const breakingStory = { headline: 'Car bomb kills 14 outside police station', body: 'A car bomb exploded outside a police station, killing 14.' };

describe('editor control', () => {
  it('previews an article with ?dryRun=true: classification, decision, exact texts, audience — storing and sending nothing', async () => {
    const preview = await post({ id: 'dry-1', ...breakingStory, url: 'https://news.example.com/dry-1' }, '?dryRun=true');
    expect(preview.status).toBe(200);
    expect(preview.json).toMatchObject({
      dryRun: true,
      classification: { wire: 'bulletin' },
      decision: { alert: true },
      preview: {
        sms: { text: 'BREAKING: Car bomb kills 14 outside police station https://news.example.com/dry-1', encoding: 'GSM-7', parts: 1 },
        push: { title: 'Breaking news', body: breakingStory.headline, url: 'https://news.example.com/dry-1' },
      },
      audience: { segments: 1, sms: 1, push: 0, webhook: 0, total: 1 },
    });
    expect((await call(local.url, 'GET', '/v1/articles/dry-1', { key: local.keys.editor })).status).toBe(404);
    expect(local.notifier.deliveries).toHaveLength(0);
    expect((await post(breakingStory, '?dryRun=maybe')).json.error.code).toBe('INVALID_DRY_RUN');
  });

  it('lets hints win over the classifier and shows both', async () => {
    const posted = await post({ id: 'hinted', ...urgentStory, hints: { urgency: 1, topics: ['medtop:16000000'], places: ['FR'] } });
    expect(posted.status).toBe(201);
    expect(posted.json.classification.urgency).toBe(3);
    expect(posted.json.classification.topics[0].code).not.toBe('medtop:16000000');
    expect(posted.json.effective).toEqual({ urgency: 1, wire: 'flash', topics: ['medtop:16000000'], countries: ['FR'], overridden: ['urgency', 'topics', 'places'] });
    expect(posted.json.decision.reason).toMatch(/set by an editor/);
    const alert = (await call(local.url, 'GET', `/v1/alerts/${posted.json.decision.alertId}`, { key: local.keys.editor })).json;
    expect(alert).toMatchObject({ urgency: 1, wire: 'flash', topics: ['medtop:16000000'], countries: ['FR'], status: 'sent' });

    const silenced = await post({ id: 'silenced', ...breakingStory, hints: { noAlert: true } });
    expect(silenced.json.decision).toEqual({ alert: false, reason: expect.stringContaining('noAlert') });
    const bad = await post({ ...breakingStory, hints: { urgency: 0, topics: ['war'], places: ['France'], extra: 1 } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['hints', 'hints.places.0', 'hints.topics.0', 'hints.urgency']);
  });

  it('holds alerts in the hold band; 20 concurrent approvals send it exactly once', async () => {
    const posted = await post({ id: 'held-1', ...urgentStory });
    expect(posted.json.decision).toMatchObject({ alert: true, hold: true, reason: expect.stringContaining('hold band 3–3') });
    const alertId = posted.json.decision.alertId as string;
    const held = await call(local.url, 'GET', '/v1/alerts?status=held', { key: local.keys.editor });
    expect(held.json.items.map((a: { id: string }) => a.id)).toContain(alertId);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(deliveriesOf(alertId)).toHaveLength(0);

    const approvals = await Promise.all(
      Array.from({ length: 20 }, (_, i) => call(local.url, 'POST', `/v1/alerts/${alertId}/approve`, { key: local.keys.editor, body: { reason: `editor ${i} says go` } })),
    );
    expect(approvals.filter((r) => r.status === 200)).toHaveLength(1);
    expect(approvals.filter((r) => r.status === 409).map((r) => r.json.error.code)).toEqual(Array(19).fill('ALERT_NOT_HELD'));
    await eventually(() => deliveriesOf(alertId).length > 0);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(deliveriesOf(alertId)).toHaveLength(1);

    const alert = (await call(local.url, 'GET', `/v1/alerts/${alertId}`, { key: local.keys.editor })).json;
    expect(alert.status).toBe('sent');
    expect(alert.audit.map((e: { action: string }) => e.action)).toEqual(['held', 'approved', 'sent']);
    expect(alert.audit[1]).toMatchObject({ actor: expect.stringMatching(/^editor:local#[0-9a-f]{16}$/), detail: expect.stringMatching(/^editor \d+ says go$/) });
    expect((await call(local.url, 'POST', `/v1/alerts/${alertId}/reject`, { key: local.keys.editor })).json.error.code).toBe('ALERT_NOT_HELD');
  });

  it('rejects a held alert: it is never sent', async () => {
    const posted = await post({ id: 'held-2', headline: 'Airline files for bankruptcy protection', body: 'The carrier said flights would continue while it restructures its debts.' });
    const alertId = posted.json.decision.alertId as string;
    const rejected = await call(local.url, 'POST', `/v1/alerts/${alertId}/reject`, { key: local.keys.editor, body: { reason: 'not confirmed' } });
    expect(rejected.status).toBe(200);
    expect(rejected.json.alert).toMatchObject({ status: 'rejected', audit: [expect.anything(), { action: 'rejected', detail: 'not confirmed' }] });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(deliveriesOf(alertId)).toHaveLength(0);
    expect((await call(local.url, 'POST', `/v1/alerts/${alertId}/approve`, { key: local.keys.editor })).status).toBe(409);
    expect((await call(local.url, 'POST', '/v1/alerts/al_none/approve', { key: local.keys.editor })).json.error.code).toBe('ALERT_NOT_FOUND');
    expect((await call(local.url, 'GET', '/v1/alerts?status=lost', { key: local.keys.editor })).json.error.code).toBe('INVALID_STATUS');
  });

  it('retries a failed alert on an editor’s word', async () => {
    const now = new Date();
    await local.app.store.putAlert(alertFixture({ id: 'al_failed', createdAt: now.toISOString() }), 'h');
    await local.app.store.claimAlert('al_failed', now, 30_000);
    await local.app.store.releaseAlert('al_failed', { error: 'SNS throttled', retryAt: undefined, segments: [] });
    expect((await call(local.url, 'GET', '/v1/alerts?status=failed', { key: local.keys.editor })).json.items.map((a: { id: string }) => a.id)).toEqual(['al_failed']);
    const retried = await call(local.url, 'POST', '/v1/alerts/al_failed/retry', { key: local.keys.editor, body: { reason: 'SNS is back' } });
    expect(retried.status).toBe(200);
    expect(retried.json.publish).toMatchObject({ status: 'sent', segments: 1 });
    expect(retried.json.alert.audit.map((e: { action: string }) => e.action)).toEqual(['failed', 'retried', 'sent']);
    expect(deliveriesOf('al_failed')).toHaveLength(1);
  });

  it('sends an embargoed alert no sooner than its embargo', async () => {
    const until = new Date(Date.now() + 1_200);
    const posted = await post({ id: 'embargoed', ...breakingStory, headline: 'Gunmen kill four police officers in border ambush', embargoUntil: until.toISOString() });
    expect(posted.json.decision.reason).toMatch(/embargoed until/);
    const alertId = posted.json.decision.alertId as string;
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(deliveriesOf(alertId)).toHaveLength(0);
    await eventually(() => deliveriesOf(alertId).length > 0, 5_000);
    expect(Date.parse(deliveriesOf(alertId)[0]!.at)).toBeGreaterThanOrEqual(until.getTime());
  });
});
