// @ts-check
/** The wire: incoming articles, newest first, refreshed every few seconds without reload. */
import { decisionWord, h, replace, when, wireBadge } from '../dom.js';
import { keepFresh } from './keep-fresh.js';

const POLL_MS = 3_000;
const PAGE = 50;

/** @param {import('../app.js').Desk} desk */
export function wireView(desk) {
  const status = h('p', { class: 'muted', id: 'wire-status' }, 'Loading…');
  const body = h('tbody');
  const more = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', hidden: true }, 'Older articles'));
  const table = h('table', { class: 'wire-list' }, [
    h('caption', { class: 'visually-hidden' }, 'Incoming articles, newest first'),
    h('thead', null, h('tr', null, ['Received', 'Level', 'Headline', 'Topic', 'Places', 'Decision'].map((t) => h('th', { scope: 'col' }, t)))),
    body,
  ]);
  /** Every article shown, by id and version: polls add the newest, "Older articles" the rest. @type {Map<string, any>} */
  const known = new Map();
  let cursor = /** @type {string | undefined} */ (undefined);
  let first = true;
  const keyOf = (/** @type {any} */ a) => `${a.id}#${a.version}`;

  const row = (/** @type {any} */ a, /** @type {boolean} */ fresh) => {
    const decision = decisionWord(a.decision);
    return h('tr', { class: fresh ? 'fresh' : undefined, 'data-article': a.id }, [
      h('td', { 'data-label': 'Received' }, when(a.receivedAt)),
      h('td', { 'data-label': 'Level' }, wireBadge(a.wire, a.urgency)),
      h('td', { 'data-label': 'Headline', class: 'headline' }, [
        h('a', { href: `#/articles/${encodeURIComponent(a.id)}` }, a.headline),
        a.version > 1 ? h('span', { class: 'muted' }, ` v${a.version}`) : null,
        a.source ? h('span', { class: 'muted source' }, ` · ${a.source}`) : null,
      ]),
      h('td', { 'data-label': 'Topic' }, a.topic?.label ?? '—'),
      h('td', { 'data-label': 'Places' }, a.countries.length ? a.countries.join(' ') : '—'),
      h('td', { 'data-label': 'Decision' }, h('span', { class: `decision decision-${decision.kind}` }, decision.word)),
    ]);
  };

  // What the editor narrows the wire to: a decision, and words in the headline.
  const FILTERS = [['all', 'All'], ['alerted', 'Alerted'], ['held', 'Held'], ['recorded', 'Recorded']];
  let decisionFilter = 'all';
  const search = /** @type {HTMLInputElement} */ (h('input', { id: 'wire-search', type: 'search', placeholder: 'Headline, topic or place code', autocomplete: 'off' }));
  const matches = (/** @type {any} */ a) => {
    if (decisionFilter !== 'all' && decisionWord(a.decision).kind !== decisionFilter) return false;
    const words = search.value.trim().toLowerCase();
    if (!words) return true;
    const haystack = `${a.headline} ${a.topic?.label ?? ''} ${a.countries.join(' ')} ${a.source ?? ''}`.toLowerCase();
    return words.split(/\s+/).every((w) => haystack.includes(w));
  };

  /** @param {Set<string>} fresh */
  const render = (fresh) => {
    const all = [...known.values()].sort((a, b) => (a.receivedAt < b.receivedAt ? 1 : a.receivedAt > b.receivedAt ? -1 : 0));
    const shown = all.filter(matches);
    if (all.length === 0) replace(body, h('tr', null, h('td', { colspan: 6, class: 'empty' }, 'Nothing on the wire yet. Articles appear here as the CMS posts them.')));
    else if (shown.length === 0) replace(body, h('tr', null, h('td', { colspan: 6, class: 'empty' }, 'No article matches this filter.')));
    else replace(body, ...shown.map((a) => row(a, fresh.has(keyOf(a)))));
  };

  /** @param {any[]} items @param {boolean} news whether new ones are flagged and announced */
  const show = (items, news) => {
    const added = items.filter((a) => !known.has(keyOf(a))).map(keyOf);
    // Re-rendering only on change keeps a keyboard user's focus where it is between polls.
    if (added.length === 0 && body.childElementCount > 0) return;
    const fresh = new Set(news ? added : []);
    for (const a of items) known.set(keyOf(a), a);
    render(fresh);
    const freshShown = [...fresh].filter((k) => matches(known.get(k)));
    if (freshShown.length) desk.announce(`${freshShown.length} new article${freshShown.length > 1 ? 's' : ''} on the wire`);
  };

  search.addEventListener('input', () => render(new Set()));
  const filters = h('fieldset', { class: 'wire-filter' }, [
    h('legend', { class: 'visually-hidden' }, 'Show'),
    ...FILTERS.map(([value, label]) =>
      h('label', null, [
        h('input', { type: 'radio', name: 'wire-decision', value, checked: value === 'all', onchange: () => { decisionFilter = value ?? 'all'; render(new Set()); } }),
        ` ${label}`,
      ]),
    ),
    h('label', { for: 'wire-search', class: 'visually-hidden' }, 'Filter headlines'),
    search,
  ]);

  /** @param {AbortSignal} signal */
  const load = async (signal) => {
    const page = await desk.api.articles({ limit: PAGE }, signal);
    if (first) {
      cursor = page.cursor;
      more.hidden = !cursor;
    }
    show(page.items, !first);
    first = false;
    return 'Live';
  };

  more.addEventListener('click', async () => {
    more.disabled = true;
    try {
      const page = await desk.api.articles({ limit: PAGE, cursor });
      cursor = page.cursor;
      more.hidden = !cursor;
      show(page.items, false);
    } catch (error) {
      desk.failed(error);
    } finally {
      more.disabled = false;
    }
  });

  const stop = keepFresh(desk, status, POLL_MS, load);
  const element = h('section', { 'aria-labelledby': 'wire-title' }, [
    h('div', { class: 'page-head' }, [h('h1', { id: 'wire-title' }, 'Wire'), status]),
    filters,
    h('div', { class: 'table-wrap' }, table),
    more,
  ]);
  return { element, dispose: stop };
}
