/**
 * What an alert shows and whom it reaches: the exact SMS and push texts, and the matching
 * segments with their members by channel. The dry run uses it with nothing stored and
 * nothing sent; the article view uses it for the alert an article made (or would make).
 */
import { prepareArticle } from './article.js';
import { alertOf, judge, type IngestDeps } from './ingest-article.js';
import { renderPush, renderSms } from './render.js';
import type { SegmentRegistry } from './segment-registry.js';
import { audienceOf, segmentsReached } from './segments.js';
import type { Alert, ArticleInput } from './types.js';

type Previewable = Omit<Alert, 'status' | 'audit'>;

/** Exactly what the alert's SMS and push notification say. */
export function alertTexts(alert: Previewable) {
  return { sms: renderSms(alert), push: renderPush(alert) };
}

/** Whom the alert would reach now: matching segments and their members by channel. */
export async function audienceNow(alert: Previewable, registry: SegmentRegistry, at: Date) {
  const segments = segmentsReached(alert, await registry.segments(), at);
  return { segments: segments.length, ...audienceOf(segments) };
}

export async function previewArticle(input: ArticleInput, deps: Pick<IngestDeps, 'classifier' | 'policy' | 'now'> & { registry: SegmentRegistry }) {
  const { article } = prepareArticle(input);
  const { classification, effective, verdict } = judge(article, deps);
  const now = deps.now();
  const alert = { ...alertOf(article, effective, now.toISOString()), id: 'preview' };
  return {
    article,
    classification,
    effective,
    decision: verdict,
    preview: alertTexts(alert),
    audience: verdict.alert ? await audienceNow(alert, deps.registry, now) : { segments: 0, ...audienceOf([]) },
    dryRun: true,
  };
}
