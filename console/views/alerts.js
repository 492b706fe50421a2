// @ts-check
/** Recent alerts with whom they reached by channel; a manual alert; a correction to a sent one. */
import { ApiError } from '../api.js';
import { h, reachText, replace, statusBadge, when, wireBadge } from '../dom.js';
import { alertActions, correctionForm } from './alert-actions.js';
import { countryCodes, topicPicker, urgencySelect } from './fields.js';
import { keepFresh } from './keep-fresh.js';

const POLL_MS = 5_000;

/** @param {import('../app.js').Desk} desk */
export function alertsView(desk) {
  const body = h('tbody');
  const status = h('p', { class: 'muted' }, 'Loading…');
  /** While an editor writes a correction the list holds still. */
  let editing = false;
  let lastShown = '';

  const row = (/** @type {any} */ alert) => {
    const kind = alert.correctionOf ? 'Correction' : alert.articleId?.startsWith('manual:') ? 'Manual' : '';
    const correct = alert.status === 'sent' && !alert.correctionOf
      ? h('details', {
          ontoggle: (/** @type {Event} */ e) => (editing = /** @type {HTMLDetailsElement} */ (e.currentTarget).open),
        }, [h('summary', null, 'Correct'), correctionForm(desk, alert, () => { editing = false; refresh(); })])
      : null;
    return h('tr', { 'data-alert': alert.id }, [
      h('td', { 'data-label': 'Created' }, when(alert.createdAt)),
      h('td', { 'data-label': 'Level' }, wireBadge(alert.wire, alert.urgency)),
      h('td', { 'data-label': 'Headline', class: 'headline' }, [
        kind ? h('span', { class: 'tag' }, kind) : null,
        ' ',
        alert.articleId && !kind ? h('a', { href: `#/articles/${encodeURIComponent(alert.articleId)}` }, alert.headline) : alert.headline,
      ]),
      h('td', { 'data-label': 'Status' }, [statusBadge(alert.status), alert.sentAt ? [' ', when(alert.sentAt)] : null].flat()),
      h('td', { 'data-label': 'Sent to', class: 'num' }, alert.reach ? [h('strong', null, String(alert.reach.total)), ` · ${reachText(alert.reach)}`] : '—'),
      h('td', { 'data-label': 'Actions' }, [alertActions(desk, alert, refresh), correct]),
    ]);
  };

  const load = async () => {
    const page = await desk.api.alerts({ limit: 30 });
    const signature = JSON.stringify(page.items.map((/** @type {any} */ a) => [a.id, a.status, a.reach?.total]));
    if (!editing && signature !== lastShown) {
      lastShown = signature;
      replace(body, ...(page.items.length ? page.items.map(row) : [h('tr', null, h('td', { colspan: 6, class: 'empty' }, 'No alerts yet.'))]));
    }
  };
  /** After the editor's own action: show its effect now, not at the next poll. */
  function refresh() {
    lastShown = '';
    load().catch(desk.failed);
  }

  return {
    element: h('div', { class: 'alerts-page' }, [
      h('section', { 'aria-labelledby': 'alerts-title' }, [
        h('div', { class: 'page-head' }, [h('h1', { id: 'alerts-title' }, 'Alerts'), status]),
        h('div', { class: 'table-wrap' }, h('table', { class: 'alert-list' }, [
          h('caption', { class: 'visually-hidden' }, 'Recent alerts, newest first, with whom they were sent to by channel'),
          h('thead', null, h('tr', null, ['Created', 'Level', 'Headline', 'Status', 'Sent to', 'Actions'].map((t) => h('th', { scope: 'col' }, t)))),
          body,
        ])),
      ]),
      manualForm(desk, refresh),
    ]),
    dispose: keepFresh(desk, status, POLL_MS, load),
  };
}

/** News with no article yet: headline, link, urgency and at least one topic. */
function manualForm(/** @type {import('../app.js').Desk} */ desk, /** @type {() => void} */ sent) {
  const headline = /** @type {HTMLInputElement} */ (h('input', { id: 'manual-headline', required: true, maxlength: 300, autocomplete: 'off' }));
  const url = /** @type {HTMLInputElement} */ (h('input', { id: 'manual-url', type: 'url', placeholder: 'https://' }));
  const urgency = /** @type {HTMLSelectElement} */ (urgencySelect('manual-urgency', null));
  urgency.value = '2';
  const places = /** @type {HTMLInputElement} */ (h('input', { id: 'manual-places', placeholder: 'e.g. FR' }));
  const topics = topicPicker(desk, 'Topics (at least one)', { name: 'manual-topics' });
  const error = h('div', { class: 'error', role: 'alert' });
  const button = /** @type {HTMLButtonElement} */ (h('button', { type: 'submit', class: 'primary' }, 'Send manual alert'));
  let id = `manual-${globalThis.crypto?.randomUUID?.() ?? Date.now().toString(36)}`;
  const form = /** @type {HTMLFormElement} */ (h('form', {
    class: 'panel manual',
    'aria-labelledby': 'manual-title',
    onsubmit: async (/** @type {SubmitEvent} */ event) => {
      event.preventDefault();
      replace(error);
      if (!form.reportValidity()) return;
      if (topics.selected().length === 0) {
        replace(error, 'Pick at least one topic: subscribers choose alerts by topic.');
        return;
      }
      button.disabled = true;
      try {
        const result = await desk.api.manual({
          id,
          headline: headline.value.trim(),
          urgency: Number(urgency.value),
          topics: topics.selected(),
          ...(url.value.trim() && { url: url.value.trim() }),
          ...(countryCodes(places.value) && { countries: countryCodes(places.value) }),
        });
        desk.toast(`Manual alert sent to ${result.publish?.segments ?? 0} segment(s).`);
        form.reset();
        urgency.value = '2';
        topics.clear();
        id = `manual-${globalThis.crypto?.randomUUID?.() ?? Date.now().toString(36)}`;
        sent();
      } catch (failure) {
        if (failure instanceof ApiError && failure.status < 500 && failure.status !== 401) replace(error, failure.message);
        else desk.failed(failure);
      } finally {
        button.disabled = false;
      }
    },
  }, [
    h('h2', { id: 'manual-title' }, 'Manual alert'),
    h('p', { class: 'muted' }, 'For news with no article yet. It goes to every subscriber whose preferences match.'),
    h('div', { class: 'field' }, [h('label', { for: 'manual-headline' }, 'Headline'), headline]),
    h('div', { class: 'row' }, [
      h('div', { class: 'field' }, [h('label', { for: 'manual-url' }, 'Link'), url]),
      h('div', { class: 'field' }, [h('label', { for: 'manual-urgency' }, 'Urgency'), urgency]),
      h('div', { class: 'field' }, [h('label', { for: 'manual-places' }, 'Places'), places]),
    ]),
    topics.element,
    error,
    button,
  ]));
  return form;
}
