// @ts-check
/** One article: its text with the phrases that drove the classification marked, why, what each channel shows, and its alert. */
import { decisionWord, h, highlight, quotedPhrases, replace, statusBadge, when, wireBadge } from '../dom.js';
import { alertActions, correctionForm } from './alert-actions.js';
import { channelPanel, classificationPanel } from './explain.js';

/** @param {import('../app.js').Desk} desk @param {string} id */
export function articleView(desk, id) {
  const element = h('article', { class: 'article-page', 'aria-busy': 'true' }, [h('h1', null, 'Loading article…')]);
  let live = true;

  const load = async () => {
    try {
      const view = await desk.api.article(id);
      if (live) render(view);
    } catch (error) {
      if (!live) return;
      replace(element, h('h1', null, 'Article not available'), h('p', { class: 'error' }, error instanceof Error ? error.message : String(error)), h('p', null, h('a', { href: '#/wire' }, 'Back to the wire')));
      element.removeAttribute('aria-busy');
      if (/** @type {any} */ (error).status === 401) desk.failed(error);
    }
  };

  const render = (/** @type {any} */ view) => {
    const { article, classification, effective, decision, preview, audience, alert } = view;
    const phrases = quotedPhrases(classification.reasons);
    const places = classification.places.map((/** @type {any} */ p) => p.name);
    const verdict = decisionWord(decision);
    const paragraphs = article.body.split(/\n+/).filter(Boolean);
    replace(
      element,
      h('header', { class: 'page-head article-head' }, [
        h('p', { class: 'crumbs' }, h('a', { href: '#/wire' }, '← Wire')),
        h('h1', { class: 'marked' }, highlight(article.headline, phrases, places)),
        h('p', { class: 'meta' }, [
          wireBadge(effective.wire, effective.urgency),
          ' ',
          h('span', { class: `decision decision-${verdict.kind}` }, verdict.word),
          ' · received ',
          when(article.receivedAt),
          article.source ? ` · ${article.source}` : '',
          ` · version ${article.version}`,
          article.url ? [' · ', h('a', { href: article.url, target: '_blank', rel: 'noopener noreferrer' }, 'story ↗')] : '',
        ].flat()),
      ]),
      h('div', { class: 'article-grid' }, [
        h('section', { class: 'panel text', 'aria-labelledby': 'text-title' }, [
          h('h2', { id: 'text-title' }, 'Text'),
          h('p', { class: 'legend muted' }, [h('mark', { class: 'mark-signal' }, 'signal'), ' drove urgency or topic · ', h('mark', { class: 'mark-place' }, 'place')]),
          ...paragraphs.map((/** @type {string} */ p) => h('p', null, highlight(p, phrases, places))),
        ]),
        h('div', { class: 'side' }, [
          alertPanel(alert),
          channelPanel(preview, audience, alert?.status === 'sent' ? 'sent' : 'would'),
          classificationPanel(desk, classification, effective, decision),
          view.versions.length > 1
            ? h('section', { class: 'panel' }, [
                h('h2', null, 'Versions'),
                h('ol', null, view.versions.map((/** @type {any} */ v) => h('li', null, [`v${v.version} · `, when(v.receivedAt), ` · ${decisionWord(v.decision).word}`]))),
              ])
            : null,
        ]),
      ]),
    );
    element.removeAttribute('aria-busy');
    element.querySelector('h1')?.setAttribute('tabindex', '-1');
    document.title = `${article.headline} · newsalert desk`;
  };

  const alertPanel = (/** @type {any} */ alert) => {
    if (!alert) return null;
    const panel = h('section', { class: 'panel alert-panel', 'aria-labelledby': 'alert-title' }, [
      h('h2', { id: 'alert-title' }, ['Alert ', statusBadge(alert.status)]),
      alert.sentAt ? h('p', null, ['Sent ', when(alert.sentAt)]) : null,
      alert.status === 'held' ? h('p', null, 'Waiting for an editor. Approve to send it now, or reject it.') : null,
      alertActions(desk, alert, () => void load()),
      alert.status === 'sent'
        ? h('details', null, [h('summary', null, 'Send a correction'), correctionForm(desk, alert, () => desk.navigate('#/alerts'))])
        : null,
    ]);
    return panel;
  };

  void load();
  return { element, dispose: () => (live = false) };
}
