/**
 * The dry run: what an article would do — classification, decision, the exact SMS and push
 * texts, and how many segments it would reach — with nothing stored and nothing sent.
 */
import { prepareArticle } from './article.js';
import { alertOf, judge, type IngestDeps } from './ingest-article.js';
import { renderPush, renderSms } from './render.js';
import type { SegmentRegistry } from './segment-registry.js';
import { matchesSegment } from './segments.js';
import type { ArticleInput } from './types.js';

export async function previewArticle(input: ArticleInput, deps: Pick<IngestDeps, 'classifier' | 'policy' | 'now'> & { registry: SegmentRegistry }) {
  const { article } = prepareArticle(input);
  const { classification, effective, verdict } = judge(article, deps);
  const alert = { ...alertOf(article, effective, deps.now().toISOString()), id: 'preview', status: 'pending' as const, audit: [] };
  const segments = verdict.alert ? (await deps.registry.segments()).filter((s) => matchesSegment(alert, s.preferences, deps.now())) : [];
  return {
    article,
    classification,
    effective,
    decision: verdict,
    preview: { sms: renderSms(alert), push: renderPush(alert) },
    audience: { segments: segments.length },
    dryRun: true,
  };
}
