// @ts-check
/**
 * Small DOM helpers. Text from the API only ever becomes text nodes, never markup, so a
 * headline cannot inject anything into the desk.
 */

/**
 * @param {string} tag
 * @param {Record<string, any> | null} [attrs]
 * @param {Array<Node | string | number | null | undefined | false> | Node | string | number | null | undefined | false} [children]
 * @returns {HTMLElement}
 */
export function h(tag, attrs, children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'class') element.className = value;
    else if (name in element && typeof value !== 'string') /** @type {any} */ (element)[name] = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of [children].flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** @param {Element} element @param {...(Node | string)} children */
export function replace(element, ...children) {
  element.replaceChildren(...children);
}

const WIRE_WORDS = { flash: 'Flash', bulletin: 'Bulletin', urgent: 'Urgent', routine: 'Routine' };

/** The wire level as colour and word (never colour alone), with the IPTC urgency. */
export function wireBadge(/** @type {string} */ wire, /** @type {number=} */ urgency) {
  const word = /** @type {Record<string, string>} */ (WIRE_WORDS)[wire] ?? wire;
  return h('span', { class: `wire wire-${wire}`, title: urgency ? `IPTC urgency ${urgency}` : undefined }, urgency ? `${word} · ${urgency}` : word);
}

/** What the pipeline decided about an article, in an editor's words. */
export function decisionWord(/** @type {{ alert: boolean, hold?: boolean }} */ decision) {
  if (decision.alert && decision.hold) return { word: 'Held', kind: 'held' };
  if (decision.alert) return { word: 'Alerted', kind: 'alerted' };
  return { word: 'Recorded', kind: 'recorded' };
}

export function statusBadge(/** @type {string} */ status) {
  return h('span', { class: `status status-${status}` }, status[0].toUpperCase() + status.slice(1));
}

const TIME = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const DAY = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });

/** A time as an editor reads it on the wire: clock time today, date and time before. */
export function when(/** @type {string | undefined} */ iso) {
  if (!iso) return h('span', null, '—');
  const date = new Date(iso);
  const today = new Date().toDateString() === date.toDateString();
  return h('time', { datetime: iso, title: date.toString() }, today ? TIME.format(date) : `${DAY.format(date)} ${TIME.format(date)}`);
}

/** "2 SMS · 1 push · 0 webhook" */
export function reachText(/** @type {{ sms?: number, push?: number, webhook?: number } | undefined} */ reach) {
  if (!reach) return '—';
  return `${reach.sms ?? 0} SMS · ${reach.push ?? 0} push · ${reach.webhook ?? 0} webhook`;
}

/**
 * The phrases the classifier quoted in its reasons ("fires missiles at …", "troops"), to
 * be marked where they occur in the text.
 */
export function quotedPhrases(/** @type {string[]} */ reasons) {
  const phrases = new Set();
  for (const reason of reasons) {
    for (const match of reason.matchAll(/"([^"]{2,200})"/g)) {
      const quoted = match[1].toLowerCase();
      // "related words: anbar, overthrown, qassem" names words found apart in the text.
      const related = /^related words: (.+)$/.exec(quoted);
      for (const phrase of related ? related[1].split(', ') : [quoted]) phrases.add(phrase);
    }
  }
  return [...phrases];
}

/**
 * Text with each occurrence of the phrases (and words starting with a one-word phrase, as
 * the classifier matches stems: "missile" marks "missiles") wrapped in <mark>.
 */
export function highlight(/** @type {string} */ text, /** @type {string[]} */ phrases, /** @type {string[]} */ places = []) {
  const escape = (/** @type {string} */ s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const terms = [
    ...phrases.map((p) => ({ source: `${escape(p).replace(/\s+/g, '\\s+')}${/\s/.test(p) ? '' : '\\w*'}`, kind: 'signal' })),
    ...places.map((p) => ({ source: `${escape(p)}\\w*`, kind: 'place' })),
  ].sort((a, b) => b.source.length - a.source.length);
  if (terms.length === 0) return [document.createTextNode(text)];
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${terms.map((t) => `(${t.source})`).join('|')})`, 'giu');
  /** @type {Node[]} */
  const nodes = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const index = match.index ?? 0;
    if (index > last) nodes.push(document.createTextNode(text.slice(last, index)));
    const group = match.slice(1).findIndex((g) => g !== undefined);
    nodes.push(h('mark', { class: `mark-${terms[group]?.kind ?? 'signal'}` }, match[0]));
    last = index + match[0].length;
  }
  if (last < text.length) nodes.push(document.createTextNode(text.slice(last)));
  return nodes;
}
