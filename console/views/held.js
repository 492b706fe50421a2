// @ts-check
/** The held queue: alerts waiting for an editor, approved or rejected with one click. */
import { h, replace, when, wireBadge } from '../dom.js';
import { alertActions } from './alert-actions.js';
import { topicNames } from './fields.js';
import { keepFresh } from './keep-fresh.js';

const POLL_MS = 5_000;

/** @param {import('../app.js').Desk} desk */
export function heldView(desk) {
  const list = h('ul', { class: 'cards', 'aria-labelledby': 'held-title' });
  const status = h('p', { class: 'muted' }, 'Loading…');
  /** Ids on screen: a poll adds new ones without disturbing buttons being clicked. */
  const shown = new Map();

  const card = (/** @type {any} */ alert) => {
    const item = h('li', { class: 'card', 'data-alert': alert.id }, [
      h('div', { class: 'card-head' }, [wireBadge(alert.wire, alert.urgency), ' ', when(alert.createdAt)]),
      h('h2', { class: 'card-title' }, alert.headline),
      h('p', { class: 'held-why' }, alert.audit?.find((/** @type {any} */ e) => e.action === 'held')?.detail ?? ''),
      h('p', { class: 'muted' }, [
        topicNames(desk, alert.topics),
        alert.countries.length ? ` · ${alert.countries.join(' ')}` : '',
        alert.articleId ? [' · ', h('a', { href: `#/articles/${encodeURIComponent(alert.articleId)}` }, 'article')] : '',
      ].flat()),
      alertActions(desk, alert, (latest) => {
        if (latest.status !== 'held') {
          item.remove();
          shown.delete(alert.id);
          if (shown.size === 0) empty();
        }
      }),
    ]);
    return item;
  };
  const empty = () => replace(list, h('li', { class: 'empty' }, 'Nothing held. Alerts in the hold band wait here for an editor.'));

  const load = async () => {
    const page = await desk.api.alerts({ status: 'held', limit: 100 });
    const ids = new Set(page.items.map((/** @type {any} */ a) => a.id));
    for (const [id, item] of shown) if (!ids.has(id)) (item.remove(), shown.delete(id));
    if (shown.size === 0) list.replaceChildren();
    for (const alert of [...page.items].reverse()) {
      if (shown.has(alert.id)) continue;
      const item = card(alert);
      shown.set(alert.id, item);
      list.prepend(item);
    }
    if (shown.size === 0) empty();
    return `${shown.size} waiting`;
  };

  return {
    element: h('section', null, [h('div', { class: 'page-head' }, [h('h1', { id: 'held-title' }, 'Held'), status]), list]),
    dispose: keepFresh(desk, status, POLL_MS, load),
  };
}
