/** From what a CMS sent to the article the pipeline works on: normalised, with an id and version. */
import { idFrom, sha256 } from './ids.js';
import { datelineOf, htmlToText, normaliseHeadline, normaliseText } from './normalise.js';
import type { Article, ArticleInput } from './types.js';

export interface PreparedArticle {
  article: Article;
  /** Hash of what the CMS sent: a repeat with the same id and version must carry the same. */
  contentHash: string;
}

/**
 * Normalises an article. Without an id, the id comes from the content, so a CMS that
 * retries without one still lands on the same article.
 */
export function prepareArticle(input: ArticleInput): PreparedArticle {
  const rawBody = input.bodyHtml !== undefined ? htmlToText(input.bodyHtml) : (input.body ?? '');
  const headline = normaliseHeadline(input.headline);
  const body = normaliseText(rawBody);
  const contentHash = sha256(
    JSON.stringify([headline, body, input.url ?? '', input.source ?? '', input.language ?? '', input.hints ?? null, input.embargoUntil ?? null]),
  );
  const dateline = datelineOf(rawBody.trimStart().split('\n')[0] ?? '');
  const article: Article = {
    // Without an id, the id comes from what was written, so a retry without one lands on the same article.
    id: input.id ?? idFrom('art', headline, body, input.url ?? ''),
    version: input.version ?? 1,
    headline,
    body,
    language: input.language ?? 'en',
    ...(input.url !== undefined && { url: input.url }),
    ...(input.source !== undefined && { source: input.source }),
    ...(input.publishedAt !== undefined && { publishedAt: input.publishedAt }),
    ...(dateline !== undefined && { dateline }),
    ...(input.hints !== undefined && { hints: input.hints }),
    ...(input.embargoUntil !== undefined && { embargoUntil: input.embargoUntil }),
  };
  return { article, contentHash };
}
