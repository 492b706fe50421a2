// @ts-check
/**
 * Paste or type an article, preview exactly what it would do (the API's dry run: nothing
 * stored, nothing sent), override urgency and topics, then send. The article's id is fixed
 * when the page opens, so a double click or a retry after a lost answer posts it once.
 */
import { ApiError } from '../api.js';
import { h, replace } from '../dom.js';
import { channelPanel, classificationPanel } from './explain.js';
import { countryCodes, topicPicker, urgencySelect } from './fields.js';

const newId = () => `desk-${globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`}`;

/** @param {import('../app.js').Desk} desk */
export function composeView(desk) {
  const id = newId();
  const field = (/** @type {string} */ name, /** @type {string} */ label, /** @type {HTMLElement} */ control, /** @type {string} */ help = '') =>
    h('div', { class: 'field' }, [h('label', { for: name }, label), control, help ? h('p', { class: 'help', id: `${name}-help` }, help) : null]);
  const headline = /** @type {HTMLInputElement} */ (h('input', { id: 'headline', required: true, maxlength: 1000, autocomplete: 'off' }));
  const body = /** @type {HTMLTextAreaElement} */ (h('textarea', { id: 'body', required: true, rows: 10 }));
  const url = /** @type {HTMLInputElement} */ (h('input', { id: 'url', type: 'url', placeholder: 'https://' }));
  const source = /** @type {HTMLInputElement} */ (h('input', { id: 'source', maxlength: 200 }));
  const urgency = /** @type {HTMLSelectElement} */ (urgencySelect('urgency', 'As classified'));
  const places = /** @type {HTMLInputElement} */ (h('input', { id: 'places', placeholder: 'e.g. IR, IQ', 'aria-describedby': 'places-help' }));
  const hold = /** @type {HTMLInputElement} */ (h('input', { id: 'hold', type: 'checkbox' }));
  const noAlert = /** @type {HTMLInputElement} */ (h('input', { id: 'no-alert', type: 'checkbox' }));
  const topics = topicPicker(desk, 'Topics (leave empty for the classifier’s)', { folded: true });
  const error = h('div', { class: 'error', role: 'alert' });
  const result = h('div', { class: 'compose-result', 'aria-live': 'polite' });
  const previewButton = /** @type {HTMLButtonElement} */ (h('button', { type: 'submit', value: 'preview' }, 'Preview'));
  const sendButton = /** @type {HTMLButtonElement} */ (h('button', { type: 'submit', value: 'send', class: 'primary' }, 'Send'));

  const article = () => {
    const hints = {
      ...(urgency.value && { urgency: Number(urgency.value) }),
      ...(topics.selected().length && { topics: topics.selected() }),
      ...(countryCodes(places.value) && { places: countryCodes(places.value) }),
      ...(hold.checked && { hold: true }),
      ...(noAlert.checked && { noAlert: true }),
    };
    return {
      id,
      headline: headline.value.trim(),
      body: body.value,
      ...(url.value.trim() && { url: url.value.trim() }),
      ...(source.value.trim() && { source: source.value.trim() }),
      ...(Object.keys(hints).length && { hints }),
    };
  };

  const showError = (/** @type {unknown} */ failure) => {
    if (failure instanceof ApiError && failure.status >= 400 && failure.status < 500 && failure.status !== 401) {
      const details = Array.isArray(failure.details) ? failure.details : [];
      if (details.length) replace(error, h('p', null, 'Not accepted:'), h('ul', null, details.map((/** @type {any} */ d) => h('li', null, `${d.field}: ${d.problem}`))));
      else replace(error, h('p', null, failure.message));
    } else desk.failed(failure);
  };

  const form = /** @type {HTMLFormElement} */ (h('form', {
    class: 'compose',
    novalidate: true,
    onsubmit: async (/** @type {SubmitEvent} */ event) => {
      event.preventDefault();
      replace(error);
      if (!form.reportValidity()) return;
      const send = /** @type {HTMLButtonElement | null} */ (event.submitter)?.value === 'send';
      previewButton.disabled = sendButton.disabled = true;
      const busy = send ? sendButton : previewButton;
      const label = busy.textContent ?? '';
      busy.textContent = send ? 'Sending…' : 'Previewing…';
      try {
        if (send) {
          const posted = await desk.api.post(article());
          desk.toast(posted.decision.alert ? (posted.decision.hold ? 'Sent to the held queue.' : 'Alert sent.') : 'Recorded: no alert.');
          desk.navigate(`#/articles/${encodeURIComponent(posted.article.id)}`);
          return;
        }
        const preview = await desk.api.preview(article());
        replace(
          result,
          h('h2', { class: 'visually-hidden' }, 'Preview'),
          h('p', { class: 'muted' }, 'Preview only: nothing stored, nothing sent.'),
          channelPanel(preview.preview, preview.audience, 'would'),
          classificationPanel(desk, preview.classification, preview.effective, preview.decision),
        );
      } catch (failure) {
        showError(failure);
      } finally {
        previewButton.disabled = sendButton.disabled = false;
        busy.textContent = label;
      }
    },
  }, [
    h('h1', null, 'Compose'),
    field('headline', 'Headline', headline),
    field('body', 'Text', body),
    h('div', { class: 'row' }, [field('url', 'Link to the story', url), field('source', 'Source', source)]),
    h('fieldset', { class: 'overrides' }, [
      h('legend', null, 'Override the classifier'),
      h('div', { class: 'row' }, [field('urgency', 'Urgency', urgency), field('places', 'Places', places, 'ISO country codes, separated by commas')]),
      topics.element,
      h('div', { class: 'checks' }, [
        h('label', null, [hold, ' Hold for approval']),
        h('label', null, [noAlert, ' Record only, never alert']),
      ]),
    ]),
    error,
    h('div', { class: 'actions' }, [previewButton, sendButton]),
  ]));

  return { element: h('div', { class: 'compose-page' }, [form, result]) };
}
