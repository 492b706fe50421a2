/** The fatigue guard over real HTTP: past a topic's hourly budget, alerts below flash are held, flashes still go. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocal, type LocalRuntime } from '../../functions/local/local-app.js';
import { call } from '../helpers/http.js';

let local: LocalRuntime;
beforeAll(async () => {
  local = await startLocal({ logLevel: 'SILENT', topicBudgetPerHour: 2 });
});
afterAll(async () => local?.close());

describe('fatigue guard', () => {
  it('holds the third urgent sport alert of the hour, lets a flash through, and counts a retry once', async () => {
    const stories = [
      ['Home side wins the championship final in extra time', 'The team won the title in front of a packed stadium.'],
      ['Veteran striker clinches the cup for the visitors', 'The striker scored twice as the visitors won the cup.'],
      ['Underdogs win the title on the final day', 'The team won the championship with a late goal.'],
    ];
    const decisions = [];
    for (const [i, [headline, body]] of stories.entries()) {
      const posted = await call(local.url, 'POST', '/v1/articles', { key: local.keys.editor, body: { id: `sport-${i}`, headline, body, hints: { urgency: 3, topics: ['medtop:15000000'] } } });
      decisions.push(posted.json.decision);
    }
    expect(decisions.map((d) => Boolean(d.hold))).toEqual([false, false, true]);
    expect(decisions[2].reason).toMatch(/budget of 2 alerts an hour for medtop:15000000 is spent/);
    // A CMS retry of an article already counted takes nothing more.
    const retried = await call(local.url, 'POST', '/v1/articles', { key: local.keys.editor, body: { id: 'sport-0', headline: stories[0]![0], body: stories[0]![1], hints: { urgency: 3, topics: ['medtop:15000000'] } } });
    expect(retried.status).toBe(200);
    const flash = await call(local.url, 'POST', '/v1/articles', { key: local.keys.editor, body: { id: 'sport-flash', headline: 'Stadium roof collapses during final', body: 'Rescuers are at the scene.', hints: { urgency: 1, topics: ['medtop:15000000'] } } });
    expect(flash.json.decision).toMatchObject({ alert: true });
    expect(flash.json.decision.hold).toBeUndefined();
    const held = await call(local.url, 'GET', '/v1/alerts?status=held', { key: local.keys.editor });
    expect(held.json.items.map((a: { articleId: string }) => a.articleId)).toEqual(['sport-2']);
  });
});
