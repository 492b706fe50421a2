// @ts-check
/**
 * What an editor can do to an alert: approve or reject a held one, retry a failed one,
 * correct a sent one. A button is disabled from the first click until the answer, and the
 * API sends a held alert once however many editors click: a late click is told who won.
 */
import { ApiError } from '../api.js';
import { h } from '../dom.js';

/**
 * @param {import('../app.js').Desk} desk
 * @param {any} alert
 * @param {(alert: any) => void} done called with the alert as it now stands
 */
export function alertActions(desk, alert, done) {
  const act = (/** @type {'approve' | 'reject' | 'retry'} */ action, /** @type {string} */ label, /** @type {string} */ busy, /** @type {string} */ cls) => {
    const button = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', class: cls, 'data-action': action }, label));
    button.addEventListener('click', async () => {
      if (action === 'reject' && !window.confirm(`Reject "${alert.headline}"? It will never be sent.`)) return;
      for (const b of group.querySelectorAll('button')) /** @type {HTMLButtonElement} */ (b).disabled = true;
      button.textContent = busy;
      button.setAttribute('aria-busy', 'true');
      try {
        const result = await desk.api[action](alert.id);
        const sent = result.publish?.status === 'sent' ? ` to ${result.publish.segments} segment${result.publish.segments === 1 ? '' : 's'}` : '';
        desk.toast(action === 'approve' ? `Approved: sent${sent}.` : action === 'reject' ? 'Rejected: it will not be sent.' : `Retried${sent}.`);
        desk.refreshHeld();
        done(result.alert);
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) {
          // Another editor (or click) got there first: say who, and show the alert as it now stands.
          const latest = await desk.api.alert(alert.id).catch(() => alert);
          const by = [...(latest.audit ?? [])].reverse().find((/** @type {any} */ e) => ['approved', 'rejected', 'retried'].includes(e.action));
          desk.toast(`Already handled: the alert is ${latest.status}${by ? ` (${by.action} by ${by.actor})` : ''}.`, 'error');
          desk.refreshHeld();
          done(latest);
        } else {
          desk.failed(error);
          for (const b of group.querySelectorAll('button')) /** @type {HTMLButtonElement} */ (b).disabled = false;
          button.textContent = label;
        }
      } finally {
        button.removeAttribute('aria-busy');
      }
    });
    return button;
  };
  const group = h('div', { class: 'actions', role: 'group', 'aria-label': `Actions on ${alert.headline}` });
  if (alert.status === 'held') group.append(act('approve', 'Approve and send', 'Sending…', 'primary'), act('reject', 'Reject', 'Rejecting…', 'danger'));
  if (alert.status === 'failed') group.append(act('retry', 'Retry', 'Retrying…', 'primary'));
  return group;
}

/** A correction to a sent alert: it goes to exactly the segments the alert reached. */
export function correctionForm(/** @type {import('../app.js').Desk} */ desk, /** @type {any} */ alert, /** @type {(result: any) => void} */ done) {
  const id = `correction-${alert.id}`;
  const text = /** @type {HTMLTextAreaElement} */ (h('textarea', { id: `${id}-text`, required: true, maxlength: 300, rows: 2 }));
  const url = /** @type {HTMLInputElement} */ (h('input', { id: `${id}-url`, type: 'url', placeholder: 'https://', value: alert.url ?? '' }));
  const button = /** @type {HTMLButtonElement} */ (h('button', { type: 'submit', class: 'primary' }, 'Send correction'));
  const error = h('p', { class: 'error', role: 'alert' });
  return h('form', {
    class: 'correction',
    onsubmit: async (/** @type {SubmitEvent} */ event) => {
      event.preventDefault();
      error.textContent = '';
      button.disabled = true;
      try {
        const result = await desk.api.correct(alert.id, { text: text.value.trim(), ...(url.value.trim() && { url: url.value.trim() }) });
        desk.toast(`Correction sent to ${result.publish?.segments ?? 0} segment(s).`);
        done(result);
      } catch (failure) {
        if (failure instanceof ApiError && failure.status < 500 && failure.status !== 401) error.textContent = failure.message;
        else desk.failed(failure);
        button.disabled = false;
      }
    },
  }, [
    h('label', { for: `${id}-text` }, 'Correction text'),
    text,
    h('label', { for: `${id}-url` }, 'Link (optional)'),
    url,
    error,
    button,
  ]);
}
