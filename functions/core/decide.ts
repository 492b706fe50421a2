/**
 * Whether and how an article alerts. Pure: the same classification, hints and policy give
 * the same decision. Editor hints always win; then the threshold; then the hold band.
 */
import { wireOf } from './classify/urgency.js';
import type { Classification, Decision, EditorHints, Effective } from './types.js';

export interface AlertPolicy {
  /** An article alerts when its urgency number is ≤ this (IPTC: 1 is most urgent). */
  alertThreshold: number;
  /** Urgencies in this band (inclusive) are held for an editor's approval instead of sent. */
  holdBand?: { from: number; to: number };
  /** At most this many alerts an hour per primary topic below flash; the excess is held for approval. */
  topicBudgetPerHour?: number;
}

/**
 * Reads a hold band as configuration writes it: "3-4" (or "3").
 *
 * @example parseHoldBand('3-4') // { from: 3, to: 4 }
 */
export function parseHoldBand(text: string): { from: number; to: number } {
  const match = /^\s*([1-9])\s*(?:[-–]\s*([1-9]))?\s*$/.exec(text);
  const from = Number(match?.[1]);
  const to = Number(match?.[2] ?? match?.[1]);
  if (!match || to < from) throw new Error(`a hold band is an IPTC urgency range such as "3-4", not "${text}"`);
  return { from, to };
}

/** The classification with the editor's hints applied: what an alert goes out with. */
export function applyHints(classification: Classification, hints: EditorHints = {}): Effective {
  const urgency = hints.urgency ?? classification.urgency;
  return {
    urgency,
    wire: wireOf(urgency),
    topics: hints.topics ?? classification.topics.map((t) => t.code),
    countries: hints.places ?? classification.places.map((p) => p.countryCode),
    overridden: [
      ...(hints.urgency !== undefined ? (['urgency'] as const) : []),
      ...(hints.topics !== undefined ? (['topics'] as const) : []),
      ...(hints.places !== undefined ? (['places'] as const) : []),
    ],
  };
}

/**
 * @example decide(effective, { alertThreshold: 3, holdBand: { from: 3, to: 4 } }) // urgency 3 → { alert: true, hold: true, … }
 */
export function decide(effective: Effective, policy: AlertPolicy, hints: EditorHints = {}): Omit<Decision, 'alertId'> {
  const { urgency, wire } = effective;
  const by = effective.overridden.includes('urgency') ? ' (set by an editor)' : '';
  if (hints.noAlert) return { alert: false, reason: 'an editor marked it noAlert: recorded without an alert' };
  if (urgency > policy.alertThreshold) {
    return { alert: false, reason: `urgency ${urgency} (${wire})${by} is below the alert threshold ${policy.alertThreshold}: recorded without an alert` };
  }
  if (hints.hold) return { alert: true, hold: true, reason: `urgency ${urgency} (${wire})${by} alerts; an editor asked to hold it for approval` };
  const band = policy.holdBand;
  if (band && urgency >= band.from && urgency <= band.to) {
    return { alert: true, hold: true, reason: `urgency ${urgency} (${wire})${by} is in the hold band ${band.from}–${band.to}: held for an editor's approval` };
  }
  return { alert: true, reason: `urgency ${urgency} (${wire})${by} meets the alert threshold ${policy.alertThreshold}` };
}
