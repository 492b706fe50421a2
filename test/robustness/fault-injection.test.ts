/**
 * Fault injection at both ports, in a loop over every step of the alert path: the store
 * and the notifier throw before or after doing their work (an after-failure is what a
 * timeout or a crash looks like to the caller). The CMS retries once; the sweeper then
 * runs as it would. Every alert must reach each matching subscriber exactly once — except
 * in the two cases where the publish happened and its record could not be kept: SNS
 * accepted it but the answer was lost, or the store stayed down past the publisher's
 * retries of its final write. No standard SNS topic can deduplicate those, and newsalert
 * chooses a repeat over a loss: there the alert arrives at least once, at most twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DynamoStore } from '../../functions/adapters/dynamo-store.js';
import { LocalNotifier } from '../../functions/adapters/local-notifier.js';
import { EmbeddedClassifier } from '../../functions/core/classify/embedded-classifier.js';
import { ingestArticle } from '../../functions/core/ingest-article.js';
import type { Notifier, Store } from '../../functions/core/ports.js';
import { AlertPublisher, sweepDueAlerts } from '../../functions/core/publish-alert.js';
import { SegmentRegistry } from '../../functions/core/segment-registry.js';
import { SubscriptionService } from '../../functions/core/subscriptions.js';
import { seedArticle } from '../helpers/seed.js';
import { startStore } from '../helpers/store.js';

type When = 'before' | 'after';
interface Fault {
  port: 'store' | 'notifier';
  method: string;
  when: When;
  /** Fail this many calls in a row (once by default). */
  times?: number;
  /** The publish happened but could not be recorded: at least once, at most twice. */
  inDoubt?: boolean;
}

/** Wraps a port so that the armed method fails before or after doing its work. */
function faulty<T extends object>(target: T, armed: { fault?: Fault; left: number }, port: Fault['port']): T {
  return new Proxy(target, {
    get(obj, name, receiver) {
      const value = Reflect.get(obj, name, receiver);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        const fault = armed.fault;
        const hit = fault && fault.port === port && fault.method === name && armed.left > 0;
        // Counted as the call starts, so concurrent calls cannot both take the last failure.
        if (hit) armed.left--;
        if (hit && fault.when === 'before') throw new Error(`injected: ${port}.${String(name)} failed before`);
        const result = await value.apply(obj, args);
        if (hit && fault.when === 'after') {
          throw Object.assign(new Error(`injected: ${port}.${String(name)} timed out after doing its work`), { name: 'TimeoutError' });
        }
        return result;
      };
    },
  });
}

const STORE_STEPS = ['storiesInBuckets', 'putStory', 'fileStory', 'putAlert', 'putArticle', 'claimAlert', 'segmentRegistryVersion', 'listSegments', 'markAlertSent', 'listDueAlerts'];
const faults: Fault[] = [
  ...STORE_STEPS.flatMap((method) => (['before', 'after'] as const).map((when) => ({ port: 'store' as const, method, when }))),
  // The final write keeps failing past the publisher's own retries: the alert stays claimed until its lease lapses.
  { port: 'store', method: 'markAlertSent', when: 'before', times: 4, inDoubt: true },
  { port: 'notifier', method: 'publish', when: 'before' },
  { port: 'notifier', method: 'publish', when: 'before', times: 3 },
  { port: 'notifier', method: 'publish', when: 'after', inDoubt: true },
];

let store: DynamoStore;
let close: () => Promise<void>;
const notifier = new LocalNotifier();
let clock = new Date('2026-03-01T08:00:00Z');
const now = () => clock;

beforeAll(async () => {
  const started = await startStore();
  store = started.store;
  close = () => started.dynamo.close();
  const subscriptions = new SubscriptionService({ store, notifier, now, smsDoubleOptIn: false });
  await subscriptions.subscribe({ channel: 'sms', phoneNumber: '+14155550111' }, { topics: ['medtop:16000000'], minUrgency: 3 });
  await subscriptions.subscribe({ channel: 'sms', phoneNumber: '+14155550122' }, { topics: [], minUrgency: 5 });
  await subscriptions.subscribe({ channel: 'sms', phoneNumber: '+14155550133' }, { topics: ['medtop:15000000'], minUrgency: 9 });
});
afterAll(async () => close?.());

describe('fault injection', () => {
  it('publishes every alert exactly once per matching subscriber after recovery, whatever step fails', async () => {
    const armed: { fault?: Fault; left: number } = { left: 0 };
    const faultyStore = faulty<Store>(store, armed, 'store');
    const faultyNotifier = faulty<Notifier>(notifier, armed, 'notifier');
    const classifier = new EmbeddedClassifier();
    const publisher = new AlertPublisher({
      store: faultyStore,
      notifier: faultyNotifier,
      registry: new SegmentRegistry(faultyStore),
      now,
      settings: { leaseMs: 30_000, retryBaseMs: 1_000, maxAttempts: 6, persistAttempts: 3 },
    });
    // Each run posts the seed anew; a one-minute story window keeps earlier runs (minutes back) from making it a duplicate.
    const deps = { store: faultyStore, classifier, publisher, policy: { alertThreshold: 3 }, now, storyPolicy: { windowMs: 60_000, threshold: 0.35 } };

    const tally: string[] = [];
    for (const [i, fault] of faults.entries()) {
      armed.fault = fault;
      armed.left = fault.times ?? 1;
      const input = { ...seedArticle(), id: `fault-${i}` };
      let alertId: string | undefined;
      // The CMS posts, and retries once if the post failed.
      for (let attempt = 0; attempt < 2 && !alertId; attempt++) {
        try {
          alertId = (await ingestArticle(input, deps)).record.decision.alertId;
        } catch {
          // a failed post: the CMS will retry
        }
      }
      expect(alertId, `${fault.port}.${fault.method} ${fault.when}`).toBeDefined();
      // The sweeper runs every minute.
      for (let sweep = 0; sweep < 4; sweep++) {
        clock = new Date(clock.getTime() + 60_000);
        try {
          await sweepDueAlerts(faultyStore, publisher, clock);
        } catch {
          // a failed sweep: the next one runs a minute later
        }
      }
      const to = (phone: string) => notifier.deliveries.filter((d) => d.alertId === alertId && d.to === phone).length;
      const counts = [to('+14…111'), to('+14…122'), to('+14…133')];
      tally.push(`${fault.port}.${fault.method} ${fault.when}${fault.times ? ` ×${fault.times}` : ''}: ${counts.join('/')}`);
      expect(await store.getAlert(alertId!)).toMatchObject({ status: 'sent' });
      if (fault.inDoubt) {
        expect(counts[0]).toBeGreaterThanOrEqual(1);
        expect(counts[1]).toBeGreaterThanOrEqual(1);
        expect(counts[0]).toBeLessThanOrEqual(2);
        expect(counts[1]).toBeLessThanOrEqual(2);
        expect(counts[2]).toBe(0);
      } else {
        expect(counts, tally.join(" | ")).toEqual([1, 1, 0]);
      }
    }
    // Every fault run counted: exactly once for all but the two in-doubt cases.
    expect(tally).toHaveLength(faults.length);
    expect(faults.filter((f) => !f.inDoubt)).toHaveLength(22);
    console.info(`fault injection, deliveries per subscriber (conflict / all / sport-only):\n  ${tally.join('\n  ')}`);
  });
});
