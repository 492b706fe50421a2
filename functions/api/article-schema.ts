/**
 * What an editor or CMS may post as an article. zod/mini rather than classic zod: the same
 * schemas at a tenth of the bundle, which the ingest Lambda's cold start pays for.
 */
import * as z from 'zod/mini';
import { isKnownTopic } from '../core/classify/media-topics.js';

/** Longest article text the pipeline takes: far above any real story, well under DynamoDB's item limit. */
export const MAX_ARTICLE_CHARS = 200_000;

const text = (max: number) => z.string().check(z.maxLength(max, `at most ${max} characters`));

const topicCode = z.string().check(z.refine(isKnownTopic, { message: 'not an IPTC Media Topic code newsalert knows (e.g. "medtop:16000000")' }));

/** What an editor may tell the pipeline; hints always win over the classifier. */
export const hintsSchema = z.strictObject({
  urgency: z.optional(z.int().check(z.minimum(1), z.maximum(9))),
  topics: z.optional(z.array(topicCode).check(z.minLength(1), z.maxLength(20))),
  places: z.optional(z.array(z.string().check(z.regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as "IR"'))).check(z.maxLength(20))),
  noAlert: z.optional(z.boolean()),
  hold: z.optional(z.boolean()),
});

export const articleSchema = z
  .object({
    headline: z.string().check(
      z.trim(),
      z.minLength(1, 'headline is required'),
      z.maxLength(1_000, 'at most 1000 characters'),
    ),
    body: z.optional(text(MAX_ARTICLE_CHARS)),
    bodyHtml: z.optional(text(MAX_ARTICLE_CHARS * 2)),
    id: z.optional(z.string().check(z.regex(/^[A-Za-z0-9._:~-]{1,128}$/, 'letters, digits and . _ : ~ - only, at most 128'))),
    version: z.optional(z.int().check(z.minimum(1), z.maximum(1_000_000_000))),
    url: z.optional(z.url({ protocol: /^https?$/, error: 'an http(s) URL' }).check(z.maxLength(2_000))),
    source: z.optional(text(200)),
    publishedAt: z.optional(z.iso.datetime({ offset: true, error: 'an ISO 8601 date-time, e.g. 2026-01-08T01:30:00Z' })),
    language: z.optional(z.string().check(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 tag such as "en" or "en-GB"'))),
    hints: z.optional(hintsSchema),
    embargoUntil: z.optional(z.iso.datetime({ offset: true, error: 'an ISO 8601 date-time, e.g. 2026-01-08T06:00:00Z' })),
  })
  .check(
    z.refine((a) => a.body !== undefined || a.bodyHtml !== undefined, { message: 'body or bodyHtml is required', path: ['body'] }),
  );

/** The optional body of an editor's action on an alert. */
export const actionSchema = z.object({ reason: z.optional(z.string().check(z.maxLength(500))) });

/** A manual alert: news with no article yet. */
export const manualAlertSchema = z.strictObject({
  headline: z.string().check(z.trim(), z.minLength(1, 'headline is required'), z.maxLength(300, 'at most 300 characters')),
  url: z.optional(z.url({ protocol: /^https?$/, error: 'an http(s) URL' }).check(z.maxLength(2_000))),
  topics: z.array(topicCode).check(z.minLength(1, 'at least one topic'), z.maxLength(20)),
  urgency: z.int().check(z.minimum(1), z.maximum(9)),
  countries: z.optional(z.array(z.string().check(z.regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as "IR"'))).check(z.maxLength(20))),
  language: z.optional(z.string().check(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 tag such as "en"'))),
  id: z.optional(z.string().check(z.regex(/^[A-Za-z0-9._:~-]{1,128}$/, 'letters, digits and . _ : ~ - only, at most 128'))),
});

/** A correction of an alert already sent. */
export const correctionSchema = z.strictObject({
  text: z.string().check(z.trim(), z.minLength(1, 'text is required'), z.maxLength(300, 'at most 300 characters')),
  url: z.optional(z.url({ protocol: /^https?$/, error: 'an http(s) URL' }).check(z.maxLength(2_000))),
});
