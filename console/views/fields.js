// @ts-check
/** Form fields the desk shares: IPTC topics (as checkboxes, level-2 under their parent, loaded from the API), urgency, country codes. */
import { h, replace } from '../dom.js';

/**
 * @param {import('../app.js').Desk} desk
 * @param {string} legend
 * @param {{ name?: string, folded?: boolean }} [options] folded: behind a disclosure, for when picking is optional
 * @returns {{ element: HTMLElement, selected: () => string[], clear: () => void }}
 */
export function topicPicker(desk, legend, { name = 'topics', folded = false } = {}) {
  const box = h('div', { class: 'topic-box' }, h('p', { class: 'muted' }, 'Loading topics…'));
  const fieldset = h('fieldset', { class: 'topic-picker' }, [h('legend', null, legend), box]);
  const element = folded ? h('details', { class: 'topic-fold' }, [h('summary', null, legend), fieldset]) : fieldset;
  desk.topics().then(
    (topics) => {
      const top = topics.filter((t) => !t.parent);
      const option = (/** @type {{code: string, label: string}} */ t, /** @type {string} */ cls) =>
        h('label', { class: cls }, [h('input', { type: 'checkbox', name, value: t.code }), ` ${t.label}`]);
      replace(box, ...top.map((t) => h('div', { class: 'topic-group' }, [option(t, 'topic-top'), ...topics.filter((c) => c.parent === t.code).map((c) => option(c, 'topic-sub'))])));
    },
    (error) => replace(box, h('p', { class: 'error' }, `Topics could not be loaded: ${error.message}`)),
  );
  return {
    element,
    selected: () => [...element.querySelectorAll('input:checked')].map((i) => /** @type {HTMLInputElement} */ (i).value),
    clear: () => element.querySelectorAll('input:checked').forEach((i) => (/** @type {HTMLInputElement} */ (i).checked = false)),
  };
}

/** "ir, IQ us" → ["IR", "IQ", "US"]; undefined when empty. */
export function countryCodes(/** @type {string} */ text) {
  const codes = text.split(/[\s,;]+/).map((c) => c.trim().toUpperCase()).filter(Boolean);
  return codes.length ? codes : undefined;
}

/** The wire ladder as choices, the classifier's own first where it has one. */
export function urgencySelect(/** @type {string} */ id, /** @type {string | null} */ emptyLabel) {
  return h('select', { id }, [
    emptyLabel !== null ? h('option', { value: '' }, emptyLabel) : null,
    h('option', { value: '1' }, '1 · Flash'),
    h('option', { value: '2' }, '2 · Bulletin'),
    h('option', { value: '3' }, '3 · Urgent'),
    ...[4, 5, 6, 7, 8, 9].map((n) => h('option', { value: String(n) }, `${n} · Routine`)),
  ]);
}

/** Topic codes as their labels, once the list is loaded (the codes until then). */
export function topicNames(/** @type {import('../app.js').Desk} */ desk, /** @type {string[]} */ codes) {
  const element = h('span', null, codes.join(', '));
  desk.topics().then(
    (topics) => {
      const label = new Map(topics.map((t) => [t.code, t.label]));
      element.textContent = codes.map((c) => label.get(c) ?? c).join(', ');
    },
    () => undefined,
  );
  return element;
}
