/** Whether an article makes an alert. Pure: same classification and policy, same decision. */
import type { Classification, Decision } from './types.js';

export interface AlertPolicy {
  /** An article alerts when its urgency number is ≤ this (IPTC: 1 is most urgent). */
  alertThreshold: number;
}

export const DEFAULT_POLICY: AlertPolicy = { alertThreshold: 3 };

/**
 * @example decide({ urgency: 2, wire: 'bulletin', … }, { alertThreshold: 3 }) // { alert: true, reason: 'urgency 2 (bulletin) meets the alert threshold 3' }
 */
export function decide(classification: Classification, policy: AlertPolicy): Omit<Decision, 'alertId'> {
  const { urgency, wire } = classification;
  if (urgency <= policy.alertThreshold) {
    return { alert: true, reason: `urgency ${urgency} (${wire}) meets the alert threshold ${policy.alertThreshold}` };
  }
  return { alert: false, reason: `urgency ${urgency} (${wire}) is below the alert threshold ${policy.alertThreshold}: recorded without an alert` };
}
