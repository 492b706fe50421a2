/**
 * The notifier port for local runs: segment topics and subscriptions kept in memory
 * (and in a JSON file when given one, so they survive a restart), SMS and push printed
 * to the console, webhooks POSTed for real. Every delivery is recorded, so tests and the
 * local inbox can read exactly who received what.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AlertWindow, Notifier } from '../core/ports.js';
import type { Channel, Endpoint, RenderedMessage } from '../core/types.js';
import { maskEndpoint } from './mask.js';

export interface Delivery {
  channel: Channel;
  /** Where it went, masked as it is printed. */
  to: string;
  subscriptionRef: string;
  topicRef: string;
  alertId: string;
  /** What the channel received: the SMS line, the push payload, or the webhook's JSON body. */
  body: string;
  status: 'delivered' | 'failed';
  error?: string;
  at: string;
}

export interface LocalNotifierOptions {
  /** Where to print deliveries; silent when omitted. */
  print?: (line: string) => void;
  /** Keeps topics and subscriptions across restarts. */
  stateFile?: string;
  fetch?: typeof fetch;
  webhookTimeoutMs?: number;
  webhookAttempts?: number;
  /** Called on every publish, before delivery: benchmarks time the pipeline up to here. */
  onPublish?: (topicRef: string, attributes: Record<string, string>) => void;
}

interface State {
  topics: Record<string, Record<string, Endpoint>>;
  /** Alert windows of subscriptions that have one (SNS filter policies, emulated). */
  windows?: Record<string, AlertWindow>;
}

export class LocalNotifier implements Notifier {
  readonly deliveries: Delivery[] = [];
  private readonly state: State;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly fetch: typeof fetch;

  constructor(private readonly options: LocalNotifierOptions = {}) {
    this.state = options.stateFile ? readState(options.stateFile) : { topics: {} };
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  async createSegmentTopic(segmentKey: string): Promise<string> {
    const ref = `local:segment:${segmentKey}`;
    this.state.topics[ref] ??= {};
    this.save();
    return ref;
  }

  async deleteSegmentTopic(topicRef: string): Promise<void> {
    delete this.state.topics[topicRef];
    this.save();
  }

  async subscribe(topicRef: string, endpoint: Endpoint, window?: AlertWindow): Promise<string> {
    const topic = this.state.topics[topicRef];
    if (!topic) throw new Error(`no segment topic ${topicRef}`);
    const ref = `${topicRef}:${randomBytes(8).toString('hex')}`;
    topic[ref] = endpoint;
    if (window) (this.state.windows ??= {})[ref] = window;
    this.save();
    return ref;
  }

  async setWindow(subscriptionRef: string, window: AlertWindow | undefined): Promise<void> {
    const windows = (this.state.windows ??= {});
    if (window) windows[subscriptionRef] = window;
    else delete windows[subscriptionRef];
    this.save();
  }

  async unsubscribe(subscriptionRef: string): Promise<void> {
    for (const topic of Object.values(this.state.topics)) delete topic[subscriptionRef];
    delete this.state.windows?.[subscriptionRef];
    this.save();
  }

  /** Like SNS, returns once the message is accepted; deliveries complete in the background (see `idle`). */
  async publish(topicRef: string, message: RenderedMessage, attributes: Record<string, string>): Promise<void> {
    this.options.onPublish?.(topicRef, attributes);
    const topic = this.state.topics[topicRef];
    if (!topic) throw new Error(`no segment topic ${topicRef}`);
    const alertId = attributes.alertId ?? 'unknown';
    const createdAt = Number(attributes.alertCreatedAt);
    for (const [subscriptionRef, endpoint] of Object.entries(topic)) {
      const window = this.state.windows?.[subscriptionRef];
      if (window && !('after' in window ? createdAt > window.after : createdAt <= window.upTo)) continue;
      const base = { channel: endpoint.channel, to: maskEndpoint(endpoint), subscriptionRef, topicRef, alertId };
      if (endpoint.channel === 'webhook') {
        const task = this.postWebhook(endpoint.url, message.https, base).finally(() => this.inFlight.delete(task));
        this.inFlight.add(task);
        continue;
      }
      const body = endpoint.channel === 'sms' ? message.sms : endpoint.platform === 'apns' ? message.APNS : message.GCM;
      this.record({ ...base, body, status: 'delivered' });
    }
  }

  async sendSms(phoneNumber: string, text: string): Promise<void> {
    const endpoint = { channel: 'sms' as const, phoneNumber };
    this.record({ channel: 'sms', to: maskEndpoint(endpoint), subscriptionRef: 'direct', topicRef: 'direct', alertId: 'direct', body: text, status: 'delivered' });
  }

  /** No carrier here: the service's own STOP records are the opt-out list in local runs. */
  async isOptedOut(_phoneNumber: string): Promise<boolean> {
    return false;
  }

  /** Resolves when every webhook delivery started so far has finished. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Number of subscriptions on a segment topic. */
  subscriptionCount(topicRef: string): number {
    return Object.keys(this.state.topics[topicRef] ?? {}).length;
  }

  private async postWebhook(url: string, body: string, base: Omit<Delivery, 'body' | 'status' | 'at'>): Promise<void> {
    const attempts = this.options.webhookAttempts ?? 3;
    let error = '';
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        const response = await this.fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'user-agent': 'newsalert-local' },
          body,
          signal: AbortSignal.timeout(this.options.webhookTimeoutMs ?? 5_000),
        });
        await response.body?.cancel();
        if (response.ok) {
          this.record({ ...base, body, status: 'delivered' });
          return;
        }
        error = `HTTP ${response.status}`;
      } catch (caught) {
        error = caught instanceof Error ? caught.message : String(caught);
      }
      if (attempt < attempts) await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    }
    this.record({ ...base, body, status: 'failed', error });
  }

  private record(delivery: Omit<Delivery, 'at'>): void {
    const full = { ...delivery, at: new Date().toISOString() };
    this.deliveries.push(full);
    const shown = delivery.channel === 'sms' ? delivery.body : delivery.channel === 'push' ? summarisePush(delivery.body) : 'JSON alert';
    this.options.print?.(
      `${delivery.status === 'delivered' ? '→' : '✗'} ${delivery.channel} ${delivery.to}: ${shown}${delivery.error ? ` (${delivery.error})` : ''}`,
    );
  }

  private save(): void {
    if (!this.options.stateFile) return;
    mkdirSync(dirname(this.options.stateFile), { recursive: true });
    writeFileSync(this.options.stateFile, JSON.stringify(this.state));
  }
}

function readState(file: string): State {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as State;
  } catch {
    return { topics: {} };
  }
}

function summarisePush(payload: string): string {
  try {
    const parsed = JSON.parse(payload) as { aps?: { alert?: { title?: string; body?: string } }; fcmV1Message?: { message?: { notification?: { title?: string; body?: string } } } };
    const note = parsed.aps?.alert ?? parsed.fcmV1Message?.message?.notification;
    return `${note?.title ?? ''} — ${note?.body ?? ''}`;
  } catch {
    return payload;
  }
}
