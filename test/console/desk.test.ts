/**
 * The editors' desk in a real browser: Debian's Chromium driven by playwright-core against
 * the local server on loopback. Skipped, saying why, where /usr/bin/chromium is missing
 * (`npm run test:browser-setup` installs it; .ci/run does so before the tests).
 * Screenshots of the main views go to test/screenshots/.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocal, type LocalRuntime } from '../../functions/local/local-app.js';
import { call } from '../helpers/http.js';
import { seedArticle } from '../helpers/seed.js';

const CHROMIUM = '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
if (!present) console.warn(`\n  SKIPPED the editors' desk browser tests: ${CHROMIUM} not found. Run "npm run test:browser-setup" (apt-get install chromium), then npm test.\n`);

/** Polls wait as long as page waits do: a loaded machine is slow, not wrong. */
const SOON = { timeout: 10_000 };
const SHOTS = fileURLToPath(new URL('../screenshots/', import.meta.url));
const EDITOR_KEY = 'desk-test-editor-key-0123456789';

let local: LocalRuntime;
let browser: Browser;
const pages: Page[] = [];

async function openDesk(hash = ''): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  // Fail a wait well inside the test's own timeout, naming what did not appear.
  page.setDefaultTimeout(10_000);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  (page as Page & { problems?: string[] }).problems = problems;
  await page.goto(`${local.url}/console/${hash}`);
  pages.push(page);
  return page;
}

async function signIn(page: Page, key = EDITOR_KEY) {
  await page.getByLabel('Editor key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: `${SHOTS}${name}.png`, fullPage });

describe.skipIf(!present)(`the editors' desk in Chromium${present ? '' : ` (skipped: ${CHROMIUM} not found)`}`, () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    local = await startLocal({ logLevel: 'SILENT', smsDoubleOptIn: false, holdBand: { from: 3, to: 3 }, editorKey: EDITOR_KEY, sweepIntervalMs: 60_000 });
    const subscribe = async (body: Record<string, unknown>, minUrgency: string) =>
      expect((await call(local.url, 'POST', '/v1/subscriptions', { key: local.keys.app, body: { ...body, preferences: { minUrgency } } })).status).toBe(201);
    await subscribe({ channel: 'sms', phoneNumber: '+14155550601' }, 'bulletin');
    await subscribe({ channel: 'sms', phoneNumber: '+14155550602' }, 'bulletin');
    await subscribe({ channel: 'push', platform: 'fcm', token: 'desk-browser-device-0001' }, 'bulletin');
    await subscribe({ channel: 'sms', phoneNumber: '+14155550603' }, 'urgent');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      // Debian's Chromium as root, on a machine with no way out: no sandbox, no background calls home.
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await local?.close();
  });

  it('refuses a wrong key cleanly, keeping nothing', async () => {
    const page = await openDesk();
    await signIn(page, 'na_editor_this-key-does-not-exist');
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'That key was not accepted' }).count(), SOON).toBe(1);
    expect(await page.getByRole('heading', { name: 'Sign in to the desk' }).isVisible()).toBe(true);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    expect(page.url()).not.toContain('this-key');
    await signIn(page, 'short');
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'not accepted' }).count(), SOON).toBe(1);
    await shot(page, 'sign-in-refused');
  });

  it('signs in, sees the seed article arrive without reload, and reads its SMS preview', async () => {
    const page = await openDesk();
    await signIn(page);
    await page.getByRole('heading', { name: 'Wire' }).waitFor();
    await page.getByText('Nothing on the wire yet').waitFor();

    // The CMS posts the seed story; the desk polls and shows it.
    expect((await call(local.url, 'POST', '/v1/articles', { key: EDITOR_KEY, body: seedArticle() })).status).toBe(201);
    const row = page.locator('tr[data-article="ain-assad-2020"]');
    await row.waitFor({ timeout: 10_000 });
    expect(await row.locator('.wire').textContent()).toBe('Bulletin · 2');
    expect(await row.locator('.decision').textContent()).toBe('Alerted');
    expect(await row.getByText('conflict, war and peace').count()).toBe(1);
    expect(await row.textContent()).toMatch(/IQ.*IR|IR.*IQ/);
    await shot(page, 'wire');

    // Narrowing the wire: by decision, and by words.
    await page.getByLabel('Held', { exact: true }).check();
    await page.getByText('No article matches this filter.').waitFor();
    await page.getByLabel('Alerted', { exact: true }).check();
    await row.waitFor();
    await page.getByLabel('Filter headlines').fill('football');
    await page.getByText('No article matches this filter.').waitFor();
    await page.getByLabel('Filter headlines').fill('iraqi MISSILES');
    await row.waitFor();
    await page.getByLabel('Filter headlines').fill('');
    await page.getByLabel('All', { exact: true }).check();

    await row.getByRole('link', { name: /Iran fires missiles/ }).click();
    await page.getByTestId('sms-meta').waitFor();
    expect(await page.getByTestId('sms-text').textContent()).toBe('BREAKING: Iran fires missiles at Iraqi air base housing US troops https://news.example.com/world/ain-assad');
    expect(await page.getByTestId('sms-meta').textContent()).toBe('106 characters · GSM-7 · 1 part');
    expect(await page.getByTestId('push').textContent()).toContain('Breaking news');
    expect(await page.getByTestId('audience').textContent()).toBe('4 subscribers in 2 segments: 3 SMS · 1 push · 0 webhook');
    // The phrase that made it a bulletin is marked in the headline; places are marked apart.
    expect(await page.locator('h1 mark.mark-signal').first().textContent()).toBe('fires missiles at Iraqi air base housing US troops');
    expect(await page.locator('.text mark.mark-place').count()).toBeGreaterThan(3);
    // So are the words outside the lexicon that leaned the story to its topic ("related words: anbar, …").
    const related = /"related words: ([^"]+)"/.exec((await page.locator('.reasons').textContent()) ?? '')?.[1]?.split(', ') ?? [];
    expect(related.length).toBeGreaterThan(0);
    const marked = (await page.locator('.text mark.mark-signal').allTextContents()).map((t) => t.toLowerCase());
    expect(marked).toEqual(expect.arrayContaining(related));
    await expect.poll(() => page.getByText('military attack on national forces').count(), SOON).toBe(1);
    await shot(page, 'article', true);
    expect((page as Page & { problems?: string[] }).problems).toEqual([]);
  });

  it('approves a held alert once, whatever the clicks of two editors', async () => {
    const posted = await call(local.url, 'POST', '/v1/articles', {
      key: EDITOR_KEY,
      body: { id: 'held-deal', headline: 'Drugmaker agrees to buy rival for $8 billion', body: 'The deal was announced on Monday; shares rose.' },
    });
    expect(posted.json.decision).toMatchObject({ alert: true, hold: true });
    const alertId: string = posted.json.decision.alertId;

    const first = await openDesk('#/held');
    await signIn(first);
    const second = await openDesk('#/held');
    await signIn(second);
    const card = (page: Page) => page.locator(`li[data-alert="${alertId}"]`);
    await card(first).waitFor();
    await card(second).waitFor();
    expect(await card(first).locator('.held-why').textContent()).toBe("urgency 3 (urgent) is in the hold band 3–3: held for an editor's approval");
    await shot(first, 'held');

    // Editor one double-clicks; editor two clicks a moment later.
    await card(first).getByRole('button', { name: 'Approve and send' }).dblclick();
    await card(second).getByRole('button', { name: 'Approve and send' }).click();
    await expect.poll(() => first.getByText('Approved: sent to 1 segment.').count(), SOON).toBe(1);
    await expect.poll(() => second.getByText(/Already handled: the alert is (sent|publishing|pending) \(approved by editor:/).count(), SOON).toBe(1);
    await card(first).waitFor({ state: 'detached' });
    await card(second).waitFor({ state: 'detached' });

    await local.notifier.idle();
    expect(local.notifier.deliveries.filter((d) => d.alertId === alertId).map((d) => d.to)).toEqual(['+14…603']);
    const audit = (await call(local.url, 'GET', `/v1/alerts/${alertId}`, { key: EDITOR_KEY })).json.audit;
    expect(audit.filter((e: { action: string }) => e.action === 'approved')).toHaveLength(1);
  });

  it('previews a typed article, overrides its urgency, sends it, and sees it with its reach among recent alerts', async () => {
    const page = await openDesk('#/compose');
    await signIn(page);
    await page.getByLabel('Headline').fill('Council approves budget for new library');
    await page.getByLabel('Text').fill('The city council approved the budget for a new central library on Monday.');
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByTestId('sms-meta').waitFor();
    expect(await page.locator('.compose-result .wire').first().textContent()).toMatch(/Routine/);
    expect(await page.getByTestId('audience').textContent()).toBe('No subscriber’s preferences match.');

    // A mistake is named field by field, and nothing is sent.
    await page.getByLabel('Places').fill('Iraq');
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'hints.places.0: an ISO 3166-1 alpha-2 code such as "IR"' }).count(), SOON).toBe(1);
    await page.getByLabel('Places').fill('');

    await page.getByLabel('Urgency').selectOption('2');
    await page.getByText('Topics (leave empty for the classifier’s)', { exact: true }).first().click();
    await page.getByLabel('politics', { exact: true }).check();
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => page.getByTestId('sms-text').textContent(), SOON).toBe('BREAKING: Council approves budget for new library');
    expect(await page.getByTestId('audience').textContent()).toBe('4 subscribers in 2 segments: 3 SMS · 1 push · 0 webhook');
    expect(await page.getByText('set by editor').count()).toBe(2);
    expect(local.notifier.deliveries.filter((d) => d.body.includes('library'))).toHaveLength(0);
    await shot(page, 'compose', true);

    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('heading', { name: /Council approves budget/ }).waitFor();
    await local.notifier.idle();
    expect(local.notifier.deliveries.filter((d) => d.body.includes('library'))).toHaveLength(4);

    await page.getByRole('link', { name: 'Alerts' }).click();
    const sent = page.locator('tr', { hasText: 'Council approves budget for new library' });
    await sent.waitFor();
    expect(await sent.locator('td[data-label="Sent to"]').textContent()).toBe('4 · 3 SMS · 1 push · 0 webhook');
    await shot(page, 'alerts', true);

    // A manual alert, then a correction of the seed story's alert, from the same page.
    const manual = page.locator('form.manual');
    await manual.getByLabel('Headline').fill('Parliament dissolved, elections called for March');
    await manual.getByLabel('politics', { exact: true }).check();
    await manual.getByRole('button', { name: 'Send manual alert' }).click();
    await expect.poll(() => page.getByText('Manual alert sent to 2 segment(s).').count(), SOON).toBe(1);
    await page.locator('tr', { hasText: 'Parliament dissolved' }).getByText('Manual').waitFor();
    const seed = page.locator('tr', { hasText: 'Iran fires missiles at Iraqi air base' }).first();
    await seed.getByText('Correct', { exact: true }).click();
    await seed.getByLabel('Correction text').fill('Iran fired missiles at two Iraqi bases housing US troops, not one');
    await seed.getByRole('button', { name: 'Send correction' }).click();
    await expect.poll(() => page.getByText('Correction sent to 2 segment(s).').count(), SOON).toBe(1);
    await local.notifier.idle();
    expect(local.notifier.deliveries.filter((d) => d.body.startsWith('CORRECTION: Iran fired missiles at two Iraqi bases')).map((d) => d.to).sort()).toEqual(['+14…601', '+14…602', '+14…603']);
    await page.locator('tr', { hasText: 'Iran fired missiles at two Iraqi bases' }).getByText('Correction').waitFor();

    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('link', { name: 'Wire' }).click();
    await page.locator('tr[data-article="ain-assad-2020"]').waitFor();
    await shot(page, 'wire-phone');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to the desk' }).waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  });
});
