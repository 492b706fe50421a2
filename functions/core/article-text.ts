/** Articles from what people have at hand: plain text, or the JSON shapes feeds use. */
import type { ArticleInput } from './types.js';
import { normaliseText } from './normalise.js';

/**
 * Plain text: the first line that is not feed noise is the headline, the rest the body.
 *
 * @example articleFromPlainText('advertisement\nIran fires missiles\nTehran said…').headline // 'Iran fires missiles'
 */
export function articleFromPlainText(text: string): ArticleInput {
  const clean = normaliseText(text);
  const newline = clean.indexOf('\n');
  const headline = newline < 0 ? clean : clean.slice(0, newline);
  return { headline, body: newline < 0 ? '' : clean.slice(newline + 1) };
}

/**
 * A JSON object as feeds send it: newsalert's own shape, or IPTC ninjs
 * (`headline`, `body_text` / `body_html`, `uri`, `versioncreated`). Unknown fields
 * (an evaluation file's `gold`, say) are ignored. Returns a reason string when it is not an article.
 */
export function articleFromJson(value: unknown): ArticleInput | string {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'not a JSON object';
  const v = value as Record<string, unknown>;
  const str = (key: string) => (typeof v[key] === 'string' ? (v[key] as string) : undefined);
  const headline = str('headline') ?? str('title');
  if (!headline?.trim()) return 'no "headline"';
  const body = str('body') ?? str('body_text') ?? str('text') ?? str('description');
  const bodyHtml = str('bodyHtml') ?? str('body_html');
  const id = str('id') ?? (typeof v.id === 'number' ? String(v.id) : undefined) ?? str('guid') ?? str('uri');
  const version = typeof v.version === 'number' && Number.isInteger(v.version) && v.version > 0 ? v.version : undefined;
  const url = str('url') ?? str('link') ?? (str('uri')?.startsWith('http') ? str('uri') : undefined);
  return {
    headline,
    ...(body !== undefined && { body }),
    ...(bodyHtml !== undefined && { bodyHtml }),
    ...(body === undefined && bodyHtml === undefined && { body: '' }),
    ...(id !== undefined && { id }),
    ...(version !== undefined && { version }),
    ...(url !== undefined && { url }),
    ...(str('source') !== undefined && { source: str('source') }),
    ...((str('publishedAt') ?? str('versioncreated')) !== undefined && { publishedAt: str('publishedAt') ?? str('versioncreated') }),
    ...(str('language') !== undefined && { language: str('language') }),
  };
}
