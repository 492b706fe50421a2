// @ts-check
/** The desk's live views: re-read from the API every few seconds while the tab is in view. */
import { h, replace } from '../dom.js';

/**
 * Runs `load` now and then every `ms` while the tab is visible, one run at a time. `status`
 * says when it last succeeded (after `load`'s own note, if it returns one) or why it stopped
 * updating; a key that is no longer accepted goes to `desk.failed`. Returns the stop switch,
 * which also abandons a request in flight.
 *
 * @param {import('../app.js').Desk} desk
 * @param {HTMLElement} status
 * @param {number} ms
 * @param {(signal: AbortSignal) => Promise<string | void>} load
 * @returns {() => void}
 */
export function keepFresh(desk, status, ms, load) {
  const controller = new AbortController();
  let timer = 0;
  const tick = async () => {
    if (document.visibilityState === 'visible') {
      try {
        const note = await load(controller.signal);
        replace(status, `${note ? `${note} · ` : ''}updated ${new Date().toLocaleTimeString()}`);
      } catch (error) {
        if (controller.signal.aborted) return;
        replace(status, h('span', { class: 'error' }, `Not updating: ${error instanceof Error ? error.message : String(error)}`));
        if (/** @type {any} */ (error).status === 401) return desk.failed(error);
      }
    }
    if (!controller.signal.aborted) timer = window.setTimeout(tick, ms);
  };
  void tick();
  return () => {
    controller.abort();
    clearTimeout(timer);
  };
}
