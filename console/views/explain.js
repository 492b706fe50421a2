// @ts-check
/** How an article was classified and why, and exactly what each channel will show. Shared by the article page and compose. */
import { h, reachText, wireBadge } from '../dom.js';
import { topicNames } from './fields.js';

/** The classification, with the editor's overrides called out, and the reasons. */
export function classificationPanel(/** @type {import('../app.js').Desk} */ desk, /** @type {any} */ classification, /** @type {any} */ effective, /** @type {any} */ decision) {
  const overridden = new Set(effective.overridden ?? []);
  const set = (/** @type {string} */ what) => (overridden.has(what) ? h('span', { class: 'tag' }, 'set by editor') : null);
  return h('section', { class: 'panel', 'aria-labelledby': 'why-title' }, [
    h('h2', { id: 'why-title' }, 'Why'),
    h('dl', { class: 'facts' }, [
      h('dt', null, 'Level'),
      h('dd', null, [
        wireBadge(effective.wire, effective.urgency),
        set('urgency'),
        overridden.has('urgency') ? h('span', { class: 'muted' }, ` classifier said ${classification.wire} · ${classification.urgency}`) : null,
      ]),
      h('dt', null, 'Topics'),
      h('dd', null, [
        h('ul', { class: 'topics' }, classification.topics.map((/** @type {any} */ t) =>
          h('li', null, [
            h('span', null, t.label),
            h('meter', { min: 0, max: 1, value: t.score, title: `score ${t.score}`, 'aria-label': `${t.label} score` }),
            h('span', { class: 'muted num' }, t.score.toFixed(2)),
          ]),
        )),
        overridden.has('topics') ? h('p', null, [set('topics'), ' ', topicNames(desk, effective.topics)]) : null,
      ]),
      h('dt', null, 'Places'),
      h('dd', null, [
        classification.places.length ? classification.places.map((/** @type {any} */ p) => `${p.name} (${p.countryCode})`).join(', ') : '—',
        overridden.has('places') ? h('span', null, [' ', set('places'), ` ${effective.countries.join(', ')}`]) : null,
      ]),
      h('dt', null, 'Decision'),
      h('dd', null, decision.reason),
    ]),
    h('h3', null, 'Signals'),
    h('ul', { class: 'reasons' }, classification.reasons.map((/** @type {string} */ r) => h('li', null, r))),
  ]);
}

/** An SMS as a phone shows it, with what it costs; a push notification as a lock screen shows it; who gets them. */
export function channelPanel(/** @type {any} */ preview, /** @type {any} */ audience, /** @type {'sent' | 'would'} */ tense) {
  const sms = preview.sms;
  const push = preview.push;
  return h('section', { class: 'panel', 'aria-labelledby': 'channels-title' }, [
    h('h2', { id: 'channels-title' }, 'What subscribers see'),
    h('div', { class: 'channels' }, [
      h('figure', { class: 'sms' }, [
        h('figcaption', null, 'SMS'),
        h('div', { class: 'bubble', 'data-testid': 'sms-text' }, sms.text),
        h('p', { class: 'sms-meta', 'data-testid': 'sms-meta' }, `${sms.units} characters · ${sms.encoding} · ${sms.parts} part${sms.parts === 1 ? '' : 's'}`),
      ]),
      h('figure', { class: 'push' }, [
        h('figcaption', null, 'Push'),
        h('div', { class: 'notification', 'data-testid': 'push' }, [
          h('div', { class: 'notification-app' }, [h('span', { 'aria-hidden': 'true' }, '◉'), ' newsalert · now']),
          h('strong', null, push.title),
          h('p', null, push.body),
        ]),
      ]),
    ]),
    h('h3', null, tense === 'sent' ? 'Sent to' : 'Would reach now'),
    h('p', { 'data-testid': 'audience' }, audience.segments === 0
      ? 'No subscriber’s preferences match.'
      : [
          h('strong', null, `${audience.total} subscriber${audience.total === 1 ? '' : 's'}`),
          ` in ${audience.segments} segment${audience.segments === 1 ? '' : 's'}: ${reachText(audience)}`,
        ]),
  ]);
}
