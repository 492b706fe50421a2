/** The request schemas of the public API: one place that validates and documents what clients send. */
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { z } from 'zod';
import { ValidationError } from '../core/errors.js';
import { isKnownTopic } from '../core/classify/media-topics.js';

/** Longest article text the pipeline takes: far above any real story, well under DynamoDB's item limit. */
export const MAX_ARTICLE_CHARS = 200_000;

const text = (max: number) => z.string().max(max, `at most ${max} characters`);

export const articleSchema = z
  .object({
    headline: z.string().trim().min(1, 'headline is required').max(1_000, 'at most 1000 characters'),
    body: text(MAX_ARTICLE_CHARS).optional(),
    bodyHtml: text(MAX_ARTICLE_CHARS * 2).optional(),
    id: z.string().regex(/^[A-Za-z0-9._:~-]{1,128}$/, 'letters, digits and . _ : ~ - only, at most 128').optional(),
    version: z.number().int().min(1).max(1_000_000_000).optional(),
    url: z.url({ protocol: /^https?$/ }).max(2_000).optional(),
    source: text(200).optional(),
    publishedAt: z.iso.datetime({ offset: true }).optional(),
    language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 tag such as "en" or "en-GB"').optional(),
  })
  .refine((a) => a.body !== undefined || a.bodyHtml !== undefined, { message: 'body or bodyHtml is required', path: ['body'] });

const topicCode = z.string().refine(isKnownTopic, { message: 'not an IPTC Media Topic code newsalert knows (e.g. "medtop:16000000")' });

export const preferencesSchema = z.object({
  topics: z.array(topicCode).max(50).default([]),
  minUrgency: z.number().int().min(1).max(9).default(3),
});

/**
 * E.164, checked for a plausible length in its country. "Possible" rather than "valid":
 * valid-number metadata rejects reserved test ranges (+44 7700 900xxx) that apps use in staging.
 */
const phoneNumber = z.string().max(40).transform((value, ctx) => {
  const parsed = value.trim().startsWith('+') ? parsePhoneNumberFromString(value) : undefined;
  if (!parsed?.isPossible()) {
    ctx.addIssue({ code: 'custom', message: 'not a valid phone number in E.164 form, e.g. "+447700900123"' });
    return z.NEVER;
  }
  return parsed.number;
});

export function subscriptionSchema(options: { allowHttpWebhooks: boolean }) {
  const webhookUrl = z
    .url({ protocol: options.allowHttpWebhooks ? /^https?$/ : /^https$/ })
    .max(2_000);
  return z.discriminatedUnion('channel', [
    z.object({ channel: z.literal('sms'), phoneNumber, preferences: preferencesSchema.default({ topics: [], minUrgency: 3 }) }),
    z.object({
      channel: z.literal('push'),
      platform: z.enum(['apns', 'fcm']),
      token: z.string().regex(/^[A-Za-z0-9:_\-.]{16,4096}$/, 'not a device token'),
      preferences: preferencesSchema.default({ topics: [], minUrgency: 3 }),
    }),
    z.object({ channel: z.literal('webhook'), url: webhookUrl, preferences: preferencesSchema.default({ topics: [], minUrgency: 3 }) }),
  ]);
}

/** Validates `value`; throws a 400 naming every problem, field by field. */
export function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => ({ field: issue.path.join('.') || '(body)', problem: issue.message }));
  const summary = problems.map((p) => `${p.field}: ${p.problem}`).join('; ');
  throw new ValidationError(`invalid ${what}: ${summary}`, problems);
}
