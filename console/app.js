// @ts-check
/**
 * The editors' desk: sign in with an editor key, then hash routes for the wire, an article,
 * compose, the held queue and recent alerts. The key lives in this tab's session storage
 * only (never in a URL, never logged) and goes to the API as a bearer token.
 */
import { ApiError, apiClient } from './api.js';
import { h, replace } from './dom.js';
import { alertsView } from './views/alerts.js';
import { articleView } from './views/article.js';
import { composeView } from './views/compose.js';
import { heldView } from './views/held.js';
import { signInView } from './views/sign-in.js';
import { wireView } from './views/wire.js';

const KEY_SLOT = 'newsalert.editorKey';

/** Where the API is: config.json next to the desk names it (the CDK stack writes one); else this origin. */
async function apiBase() {
  try {
    const response = await fetch('config.json', { cache: 'no-store' });
    if (response.ok) {
      const config = await response.json();
      if (typeof config.apiUrl === 'string') return config.apiUrl.replace(/\/+$/, '');
    }
  } catch {
    // No config: the desk is served by newsalert itself.
  }
  return '';
}

const main = /** @type {HTMLElement} */ (document.getElementById('main'));
const nav = /** @type {HTMLElement} */ (document.getElementById('nav'));
const live = /** @type {HTMLElement} */ (document.getElementById('live'));
const toasts = /** @type {HTMLElement} */ (document.getElementById('toasts'));
const heldCount = /** @type {HTMLElement} */ (document.getElementById('held-count'));

const session = {
  key: () => sessionStorage.getItem(KEY_SLOT),
  keep: (/** @type {string} */ key) => sessionStorage.setItem(KEY_SLOT, key),
  forget: () => sessionStorage.removeItem(KEY_SLOT),
};

const api = apiClient(await apiBase(), session.key);

/** Says something to screen readers without moving focus. */
function announce(/** @type {string} */ text) {
  live.textContent = '';
  setTimeout(() => (live.textContent = text), 50);
}

/** A short message that stays a few seconds; errors stay until dismissed. */
function toast(/** @type {string} */ text, /** @type {'ok' | 'error'} */ kind = 'ok') {
  const item = h('div', { class: `toast toast-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, [
    h('span', null, text),
    h('button', { type: 'button', class: 'link', 'aria-label': 'Dismiss', onclick: () => item.remove() }, '×'),
  ]);
  toasts.append(item);
  if (kind === 'ok') setTimeout(() => item.remove(), 5_000);
}

/** @type {Promise<Array<{code: string, label: string, parent?: string}>> | undefined} */
let topicList;
const topics = () => (topicList ??= api.topics().then((r) => r.items, (error) => { topicList = undefined; throw error; }));

function navigate(/** @type {string} */ hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

/** A request the key is no longer good for sends the editor back to sign in. */
function failed(/** @type {unknown} */ error) {
  if (error instanceof ApiError && error.status === 401) {
    session.forget();
    toast('Your key is no longer accepted. Sign in again.', 'error');
    navigate('#/sign-in');
    return;
  }
  if (error instanceof DOMException && error.name === 'AbortError') return;
  toast(error instanceof ApiError ? error.message : 'Something went wrong in the desk.', 'error');
}

/** @typedef {{ api: typeof api, navigate: typeof navigate, announce: typeof announce, toast: typeof toast, failed: typeof failed, topics: typeof topics, session: typeof session, refreshHeld: () => void }} Desk */
/** @type {Desk} */
const desk = { api, navigate, announce, toast, failed, topics, session, refreshHeld: () => void refreshHeld() };

/** @typedef {(desk: Desk, ...params: string[]) => { element: HTMLElement, dispose?: () => void }} View */
/** @type {Array<{ pattern: RegExp, view: View, nav: string }>} */
const ROUTES = [
  { pattern: /^#\/wire$/, view: wireView, nav: 'wire' },
  { pattern: /^#\/articles\/(.+)$/, view: articleView, nav: 'wire' },
  { pattern: /^#\/compose$/, view: composeView, nav: 'compose' },
  { pattern: /^#\/held$/, view: heldView, nav: 'held' },
  { pattern: /^#\/alerts$/, view: alertsView, nav: 'alerts' },
];

/** @type {(() => void) | undefined} */
let disposeView;

async function route() {
  disposeView?.();
  disposeView = undefined;
  const signedIn = session.key() !== null;
  document.body.classList.toggle('signed-in', signedIn);
  if (!signedIn || location.hash === '#/sign-in') {
    if (signedIn) session.forget();
    document.body.classList.remove('signed-in');
    const view = signInView(desk);
    replace(main, view.element);
    focusHeading();
    return;
  }
  const found = ROUTES.map((r) => ({ r, match: location.hash.match(r.pattern) })).find((x) => x.match);
  if (!found?.match) {
    navigate('#/wire');
    return;
  }
  for (const link of nav.querySelectorAll('a[data-nav]')) {
    if (link.getAttribute('data-nav') === found.r.nav) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  let params;
  try {
    params = found.match.slice(1).map(decodeURIComponent);
  } catch {
    navigate('#/wire'); // a hand-edited link with broken percent-encoding
    return;
  }
  const view = found.r.view(desk, ...params);
  disposeView = view.dispose;
  replace(main, view.element);
  focusHeading();
  void refreshHeld();
}

/** After each route change, focus goes to the page's heading so keyboard and screen-reader users start there. */
function focusHeading() {
  const heading = main.querySelector('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: false });
    document.title = `${heading.textContent} · newsalert desk`;
  }
}

async function refreshHeld() {
  if (!session.key()) return;
  try {
    const page = await api.alerts({ status: 'held', limit: 100 });
    const count = page.items.length;
    heldCount.textContent = count ? String(count) : '';
    heldCount.hidden = count === 0;
  } catch {
    // The count is a convenience; the held page itself reports errors.
  }
}
setInterval(() => void (document.visibilityState === 'visible' && refreshHeld()), 10_000);

document.getElementById('sign-out')?.addEventListener('click', () => {
  session.forget();
  navigate('#/sign-in');
});
window.addEventListener('hashchange', () => void route());
void route();
