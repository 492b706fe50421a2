/**
 * Audience segments: subscribers with the same preferences share one segment (one SNS
 * topic), so publishing costs one call per matching segment, never one per subscriber.
 * Both functions here are shared by every notifier.
 */
import { createHash } from 'node:crypto';
import type { Alert, Preferences } from './types.js';

/** Sorted, de-duplicated: the same preferences in any order give the same form. */
export function canonicalPreferences(preferences: Preferences): Preferences {
  return {
    topics: [...new Set(preferences.topics)].sort(),
    minUrgency: preferences.minUrgency,
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

/** Whether an alert reaches a segment: urgent enough, and about one of its topics (or it takes all). */
export function matchesSegment(alert: Pick<Alert, 'urgency' | 'topics'>, preferences: Preferences): boolean {
  if (alert.urgency > preferences.minUrgency) return false;
  if (preferences.topics.length === 0) return true;
  return preferences.topics.some((topic) => alert.topics.includes(topic));
}
