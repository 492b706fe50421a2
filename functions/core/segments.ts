/**
 * Audience segments: subscribers with the same preferences share one segment (one SNS
 * topic), so publishing costs one call per matching segment, never one per subscriber.
 * Both functions here are shared by every notifier.
 */
import { createHash } from 'node:crypto';
import type { Alert, Audience, Channel, Preferences, QuietHours, Segment } from './types.js';

/** Every channel a subscriber can take, in the order figures list them. */
export const CHANNELS: readonly Channel[] = ['sms', 'push', 'webhook'];

/** Sorted, de-duplicated, normalised: the same preferences written any way give the same form. */
export function canonicalPreferences(preferences: Preferences): Preferences {
  const countries = [...new Set((preferences.countries ?? []).map((c) => c.toUpperCase()))].sort();
  return {
    topics: [...new Set(preferences.topics)].sort(),
    minUrgency: preferences.minUrgency,
    ...(countries.length > 0 && { countries }),
    ...(preferences.quietHours && { quietHours: { from: preferences.quietHours.from, to: preferences.quietHours.to, timeZone: preferences.quietHours.timeZone } }),
    ...(preferences.language && { language: preferences.language.toLowerCase().split('-')[0] }),
  };
}

/**
 * The segment a preference set belongs to: a short hash of its canonical form, usable
 * in an SNS topic name.
 *
 * @example segmentKey({ topics: ['medtop:16000000'], minUrgency: 3 }) === segmentKey({ topics: ['medtop:16000000', 'medtop:16000000'], minUrgency: 3 })
 */
export function segmentKey(preferences: Preferences): string {
  const canonical = canonicalPreferences(preferences);
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex').slice(0, 20);
}

const clocks = new Map<string, Intl.DateTimeFormat>();

/** Minutes since local midnight in `timeZone` at `at`: Intl applies the zone's DST rules. */
export function localMinutes(at: Date, timeZone: string): number {
  let clock = clocks.get(timeZone);
  if (!clock) {
    clock = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    clocks.set(timeZone, clock);
  }
  const parts = clock.formatToParts(at);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
  const minute = Number(parts.find((p) => p.type === 'minute')?.value ?? 0);
  return hour * 60 + minute;
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Whether `at` falls in the window; a window past midnight ("22:00"–"07:00") wraps. */
export function inQuietHours(quiet: QuietHours, at: Date): boolean {
  const now = localMinutes(at, quiet.timeZone);
  const from = minutesOf(quiet.from);
  const to = minutesOf(quiet.to);
  return from <= to ? now >= from && now < to : now >= from || now < to;
}

/**
 * Whether an alert reaches a segment at an instant: urgent enough; about one of its topics
 * (or it takes all), one of its countries (if it names any), in its language (if it names
 * one); and, below flash, outside its quiet hours.
 */
export function matchesSegment(alert: Pick<Alert, 'urgency' | 'topics'> & Partial<Pick<Alert, 'countries' | 'language'>>, preferences: Preferences, at: Date): boolean {
  if (alert.urgency > preferences.minUrgency) return false;
  if (preferences.topics.length > 0 && !preferences.topics.some((topic) => alert.topics.includes(topic))) return false;
  if (preferences.countries?.length && !preferences.countries.some((c) => alert.countries?.includes(c))) return false;
  if (preferences.language && (alert.language ?? 'en').toLowerCase().split('-')[0] !== preferences.language) return false;
  if (preferences.quietHours && alert.urgency > 1 && inQuietHours(preferences.quietHours, at)) return false;
  return true;
}

/**
 * The segments an alert goes to at an instant: a correction to exactly those its original
 * reached (`targetSegments`), anything else to those it matches.
 */
export function segmentsReached(alert: Parameters<typeof matchesSegment>[0] & Pick<Alert, 'targetSegments'>, segments: Segment[], at: Date): Segment[] {
  const targets = alert.targetSegments;
  return segments.filter((segment) => (targets ? targets.includes(segment.key) : matchesSegment(alert, segment.preferences, at)));
}

/** The members of these segments by channel (as the registry last read them), and in all. */
export function audienceOf(segments: Segment[]): Audience {
  const audience: Audience = { sms: 0, push: 0, webhook: 0, total: 0 };
  for (const segment of segments) {
    for (const channel of CHANNELS) audience[channel] += segment.audience?.[channel] ?? 0;
  }
  audience.total = audience.sms + audience.push + audience.webhook;
  return audience;
}
