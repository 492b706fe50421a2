/**
 * Publishing one alert, exactly once as subscribers see it:
 * claim it with a lease (a conditional write, so only one publisher holds it), publish it
 * once to each matching segment not yet published to, then mark it sent together with the
 * segments done — one write, however many segments. A failure hands it back with the
 * segments that did succeed (a retry skips them) and a backoff for the sweeper; after
 * `maxAttempts` it is marked failed. A crash anywhere leaves it pending or with an expired
 * lease, and the sweeper picks it up again; a crash after SNS accepted a publish but before
 * that final write is the one case in which a segment receives the alert twice.
 */
import type { Notifier, Store } from './ports.js';
import { renderMessage } from './render.js';
import { audienceOf, segmentsReached } from './segments.js';
import type { SegmentRegistry } from './segment-registry.js';
import type { Alert, Segment } from './types.js';

export interface PublishSettings {
  leaseMs: number;
  maxAttempts: number;
  /** Publishes in flight at once for one alert. */
  concurrency: number;
  /** First retry delay; doubles per attempt, with jitter. */
  retryBaseMs: number;
  /** Tries of the write that records a publish (see `persist`). */
  persistAttempts: number;
}

export const DEFAULT_PUBLISH_SETTINGS: PublishSettings = { leaseMs: 30_000, maxAttempts: 6, concurrency: 8, retryBaseMs: 2_000, persistAttempts: 4 };

export type PublishOutcome =
  | { status: 'sent'; segments: number; /** From the alert's creation to now. */ latencyMs: number }
  | { status: 'skipped' }
  | { status: 'retrying' | 'failed'; segments: number; error: string };

export interface PublisherDeps {
  store: Store;
  notifier: Notifier;
  registry: SegmentRegistry;
  now: () => Date;
  settings?: Partial<PublishSettings>;
  random?: () => number;
}

export class AlertPublisher {
  private readonly settings: PublishSettings;

  constructor(private readonly deps: PublisherDeps) {
    this.settings = { ...DEFAULT_PUBLISH_SETTINGS, ...deps.settings };
  }

  async publish(alertId: string): Promise<PublishOutcome> {
    const { store } = this.deps;
    const alert = await store.claimAlert(alertId, this.deps.now(), this.settings.leaseMs);
    if (!alert) return { status: 'skipped' };

    const registered = await this.deps.registry.segments();
    const targets = segmentsReached(alert, registered, this.deps.now()).filter((segment) => !alert.publishedSegments.includes(segment.key));
    const { published, errors } = await this.publishToSegments(alert, targets);
    const done = alert.publishedSegments.length + published.length;
    if (errors.length === 0) {
      const now = this.deps.now();
      const reach = audienceOf(registered.filter((s) => published.includes(s.key) || alert.publishedSegments.includes(s.key)));
      await this.persist(() => store.markAlertSent(alertId, now, published, reach));
      return { status: 'sent', segments: done, latencyMs: now.getTime() - Date.parse(alert.createdAt) };
    }
    const error = errors.slice(0, 3).join('; ');
    const retryAt = alert.attempts >= this.settings.maxAttempts ? undefined : this.retryAt(alert.attempts);
    await this.persist(() => store.releaseAlert(alertId, { error, retryAt, segments: published }));
    return { status: retryAt ? 'retrying' : 'failed', segments: done, error };
  }

  /**
   * The write after a publish is the one whose loss would resend to every segment, so it
   * gets more tries than the store client's own. Both writes are idempotent.
   */
  private async persist(write: () => Promise<void>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await write();
      } catch (error) {
        if (attempt >= this.settings.persistAttempts) throw error;
        await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** attempt));
      }
    }
  }

  private async publishToSegments(alert: Alert, segments: Segment[]): Promise<{ published: string[]; errors: string[] }> {
    const message = renderMessage(alert);
    // alertCreatedAt lets a subscription that is moving between segments take only its side of the move.
    const attributes = { alertId: alert.id, wire: alert.wire, urgency: String(alert.urgency), alertCreatedAt: String(Date.parse(alert.createdAt)) };
    const published: string[] = [];
    const errors: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < segments.length) {
        const segment = segments[next++]!;
        try {
          // The segment names itself to the webhook relay, which looks up its webhooks by it.
          await this.deps.notifier.publish(segment.topicRef, message, { ...attributes, segment: segment.key });
          published.push(segment.key);
        } catch (error) {
          errors.push(`segment ${segment.key}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.settings.concurrency, segments.length) }, worker));
    return { published, errors };
  }

  /** Exponential backoff with full jitter. */
  private retryAt(attempts: number): Date {
    const ceiling = this.settings.retryBaseMs * 2 ** Math.max(0, attempts - 1);
    const delay = this.settings.retryBaseMs / 2 + (this.deps.random ?? Math.random)() * ceiling;
    return new Date(this.deps.now().getTime() + delay);
  }
}

/** Publishes every alert whose time has come: pending ones and ones whose publisher died. */
export async function sweepDueAlerts(store: Store, publisher: AlertPublisher, now: Date, limit = 100): Promise<PublishOutcome[]> {
  return publishDue(await store.listDueAlerts(now, limit), publisher);
}

/** Publishes alerts already found due, one after another. */
export async function publishDue(due: Alert[], publisher: AlertPublisher): Promise<PublishOutcome[]> {
  const outcomes: PublishOutcome[] = [];
  for (const alert of due) outcomes.push(await publisher.publish(alert.id));
  return outcomes;
}

