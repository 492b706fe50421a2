/** What an app backend may post as a subscription: an endpoint on one channel and its preferences. */
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import * as z from 'zod/mini';
import { isKnownTopic } from '../core/classify/media-topics.js';

const topicCode = z.string().check(
  z.refine(isKnownTopic, { message: 'not an IPTC Media Topic code newsalert knows (e.g. "medtop:16000000")' }),
);

const WIRE_WORDS: Record<string, number> = { flash: 1, bulletin: 2, urgent: 3 };

/** IPTC 1–9, or the wire word: flash (1), bulletin (2), urgent (3). */
const minUrgency = z.union([
  z.int().check(z.minimum(1), z.maximum(9)),
  z.pipe(z.enum(['flash', 'bulletin', 'urgent']), z.transform((word: 'flash' | 'bulletin' | 'urgent') => WIRE_WORDS[word]!)),
]);

const clockTime = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day such as "22:00"'));
const timeZone = z.string().check(
  z.refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return zone.length <= 64;
    } catch {
      return false;
    }
  }, { message: 'an IANA time zone such as "Europe/London"' }),
);

export const preferencesSchema = z.strictObject({
  topics: z._default(z.array(topicCode).check(z.maxLength(50)), []),
  minUrgency: z._default(minUrgency, 3),
  countries: z.optional(z.array(z.string().check(z.regex(/^[A-Za-z]{2}$/, 'an ISO 3166-1 alpha-2 code such as "GB"'))).check(z.maxLength(50))),
  quietHours: z.optional(
    z.strictObject({ from: clockTime, to: clockTime, timeZone }).check(z.refine((q) => q.from !== q.to, { message: 'from and to must differ' })),
  ),
  language: z.optional(z.string().check(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 tag such as "en"'))),
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

export const confirmSchema = z.strictObject({ code: z.string().check(z.regex(/^\d{6}$/, 'the six-digit code from the text')) });

/** A text from a subscriber's phone, as an inbound-SMS webhook relays it. */
export const inboundSmsSchema = z.strictObject({
  from: z.string().check(z.regex(/^\+[1-9]\d{6,14}$/, 'an E.164 number such as "+447700900123"')),
  text: z.string().check(z.maxLength(1600)),
});
