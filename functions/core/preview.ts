/**
 * What an alert shows and whom it reaches: the exact SMS and push texts, and the matching
 * segments with their members by channel. The dry run uses it with nothing stored and
 * nothing sent; the article view uses it for the alert an article made (or would make).
 */
import { prepareArticle } from './article.js';
import { alertOf, judge, type IngestDeps } from './ingest-article.js';
import { audienceOf } from './publish-alert.js';
import { renderPush, renderSms } from './render.js';
import type { SegmentRegistry } from './segment-registry.js';
import { matchesSegment } from './segments.js';
import type { Alert, ArticleInput } from './types.js';

type Previewable = Omit<Alert, 'status' | 'audit'>;

export async function alertPreview(alert: Previewable, registry: SegmentRegistry, at: Date) {
  const reaches = alert.targetSegments
    ? (key: string) => alert.targetSegments!.includes(key)
    : (_key: string, preferences: Parameters<typeof matchesSegment>[1]) => matchesSegment(alert, preferences, at);
  const segments = (await registry.segments()).filter((s) => reaches(s.key, s.preferences));
  return {
    preview: { sms: renderSms(alert), push: renderPush(alert) },
    audience: { segments: segments.length, ...audienceOf(segments) },
  };
}

export async function previewArticle(input: ArticleInput, deps: Pick<IngestDeps, 'classifier' | 'policy' | 'now'> & { registry: SegmentRegistry }) {
  const { article } = prepareArticle(input);
  const { classification, effective, verdict } = judge(article, deps);
  const now = deps.now();
  const alert = { ...alertOf(article, effective, now.toISOString()), id: 'preview' };
  const { preview, audience } = await alertPreview(alert, deps.registry, now);
  return {
    article,
    classification,
    effective,
    decision: verdict,
    preview,
    audience: verdict.alert ? audience : { segments: 0, sms: 0, push: 0, webhook: 0, total: 0 },
    dryRun: true,
  };
}
