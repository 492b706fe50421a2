/**
 * newsalert delivers webhooks itself, because SNS's own https delivery cannot sign with a
 * per-subscriber secret. A segment topic feeds one relay (SQS → Lambda on AWS, a direct call
 * locally); the relay finds the segment's webhooks in the store and POSTs each the alert,
 * signed (see webhook-signature.ts). A failed POST is tried again later with growing delays;
 * a delivery that fails every try counts against the endpoint, and an endpoint that fails
 * `disableAfter` deliveries in a row is disabled until its owner re-enables it.
 */
import { inWindow, type Store } from './ports.js';
import type { WebhookHealth } from './types.js';
import { signWebhook } from './webhook-signature.js';

/** One alert for one webhook subscriber: what a retry carries. */
export interface WebhookJob {
  subscriberId: string;
  alertId: string;
  body: string;
  /** 1 for the first try. */
  attempt: number;
}

export type WebhookOutcome =
  | { kind: 'delivered'; job: WebhookJob; url: string; status: number }
  | { kind: 'retrying'; job: WebhookJob; url: string; error: string; delayMs: number }
  | { kind: 'failed'; job: WebhookJob; url: string; error: string; health: WebhookHealth | undefined }
  | { kind: 'skipped'; job: WebhookJob; reason: 'gone' | 'inactive' | 'disabled' };

export interface WebhookSettings {
  /** Waits before the second, third, … try; their number plus one is the number of tries. */
  retryDelaysMs: number[];
  /** Failed deliveries in a row that disable an endpoint. */
  disableAfter: number;
  timeoutMs: number;
  /** POSTs in flight at once for one alert. */
  concurrency: number;
}

export const DEFAULT_WEBHOOK_SETTINGS: WebhookSettings = {
  // SQS delays a message by at most 15 minutes: the last wait is the longest one allowed.
  retryDelaysMs: [10_000, 60_000, 300_000, 900_000],
  disableAfter: 5,
  timeoutMs: 5_000,
  concurrency: 16,
};

export interface WebhookRelayDeps {
  store: Store;
  /** POSTs the body with the headers; resolves with the status or rejects on a network error. */
  post: (url: string, headers: Record<string, string>, body: string, timeoutMs: number) => Promise<number>;
  /** Hands a job back to be tried again after `delayMs` (SQS DelaySeconds on AWS, a timer locally). */
  retryLater: (job: WebhookJob, delayMs: number) => Promise<void>;
  now: () => Date;
  settings?: Partial<WebhookSettings>;
  /** Each delivery's outcome, for logs, metrics and the local inbox. */
  observe?: (outcome: WebhookOutcome) => void;
}

export class WebhookRelay {
  private readonly settings: WebhookSettings;

  constructor(private readonly deps: WebhookRelayDeps) {
    this.settings = { ...DEFAULT_WEBHOOK_SETTINGS, ...deps.settings };
  }

  /** One alert published to one segment (named by its `segment` attribute): every webhook of the segment whose window takes it. */
  async relay(body: string, attributes: Record<string, string>): Promise<WebhookOutcome[]> {
    const { segment, alertId } = attributes;
    if (!segment || !alertId) throw new Error('a segment message without its segment and alertId attributes');
    const createdAt = Number(attributes.alertCreatedAt);
    const members = (await this.deps.store.listWebhookMemberships(segment)).filter((m) => inWindow(m.window, createdAt));
    const outcomes: WebhookOutcome[] = [];
    for (let i = 0; i < members.length; i += this.settings.concurrency) {
      const batch = members.slice(i, i + this.settings.concurrency);
      outcomes.push(...(await Promise.all(batch.map((m) => this.deliver({ subscriberId: m.subscriberId, alertId, body, attempt: 1 })))));
    }
    return outcomes;
  }

  /** One try of one job; schedules the next try, or records the failure when it was the last. */
  async deliver(job: WebhookJob): Promise<WebhookOutcome> {
    const outcome = await this.attempt(job);
    this.deps.observe?.(outcome);
    return outcome;
  }

  private async attempt(job: WebhookJob): Promise<WebhookOutcome> {
    const { store, now } = this.deps;
    const subscriber = await store.getSubscriber(job.subscriberId);
    if (!subscriber || subscriber.endpoint.channel !== 'webhook') return { kind: 'skipped', job, reason: 'gone' };
    if (subscriber.status !== 'active') return { kind: 'skipped', job, reason: 'inactive' };
    if (subscriber.webhook?.disabledAt) return { kind: 'skipped', job, reason: 'disabled' };
    const { url, secret } = subscriber.endpoint;
    // The id is the same on every try, so a receiver can drop a repeat.
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'newsalert-webhooks/1',
      ...signWebhook(secret, `${job.alertId}.${job.subscriberId}`, now(), job.body),
    };
    let error: string;
    try {
      const status = await this.deps.post(url, headers, job.body, this.settings.timeoutMs);
      if (status >= 200 && status < 300) {
        if (subscriber.webhook) await store.resetWebhookHealth(job.subscriberId);
        return { kind: 'delivered', job, url, status };
      }
      error = `HTTP ${status}`;
    } catch (caught) {
      error = caught instanceof Error ? (caught.name === 'TimeoutError' ? `no answer in ${this.settings.timeoutMs} ms` : caught.message) : String(caught);
    }
    const delayMs = this.settings.retryDelaysMs[job.attempt - 1];
    if (delayMs !== undefined) {
      await this.deps.retryLater({ ...job, attempt: job.attempt + 1 }, delayMs);
      return { kind: 'retrying', job, url, error, delayMs };
    }
    const health = await store.recordWebhookFailure(job.subscriberId, { error, at: now(), disableAfter: this.settings.disableAfter });
    return { kind: 'failed', job, url, error, health };
  }
}
