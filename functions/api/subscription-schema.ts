/** What an app backend may post as a subscription: an endpoint on one channel and its preferences. */
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import * as z from 'zod/mini';
import { isKnownTopic } from '../core/classify/media-topics.js';

const topicCode = z.string().check(
  z.refine(isKnownTopic, { message: 'not an IPTC Media Topic code newsalert knows (e.g. "medtop:16000000")' }),
);

export const preferencesSchema = z.object({
  topics: z._default(z.array(topicCode).check(z.maxLength(50)), []),
  minUrgency: z._default(z.int().check(z.minimum(1), z.maximum(9)), 3),
});

/**
 * E.164, checked for a plausible length in its country. "Possible" rather than "valid":
 * valid-number metadata rejects reserved test ranges (+44 7700 900xxx) that apps use in staging.
 */
const phoneNumber = z.pipe(
  z.string().check(z.maxLength(40)),
  z.transform((value: string, ctx) => {
    const parsed = value.trim().startsWith('+') ? parsePhoneNumberFromString(value) : undefined;
    if (!parsed?.isPossible()) {
      ctx.issues.push({ code: 'custom', message: 'not a valid phone number in E.164 form, e.g. "+447700900123"', input: value });
      return z.NEVER;
    }
    return parsed.number as string;
  }),
);

const preferences = z._default(preferencesSchema, { topics: [], minUrgency: 3 });

export function subscriptionSchema(options: { allowHttpWebhooks: boolean }) {
  const webhookUrl = z
    .url({ protocol: options.allowHttpWebhooks ? /^https?$/ : /^https$/, error: options.allowHttpWebhooks ? 'an http(s) URL' : 'an https URL' })
    .check(z.maxLength(2_000));
  return z.discriminatedUnion('channel', [
    z.object({ channel: z.literal('sms'), phoneNumber, preferences }),
    z.object({
      channel: z.literal('push'),
      platform: z.enum(['apns', 'fcm']),
      token: z.string().check(z.regex(/^[A-Za-z0-9:_\-.]{16,4096}$/, 'not a device token')),
      preferences,
    }),
    z.object({ channel: z.literal('webhook'), url: webhookUrl, preferences }),
  ]);
}
