/**
 * The notifier port for local runs: segment topics and subscriptions kept in memory
 * (and in a JSON file when given one, so they survive a restart), SMS and push printed
 * to the console, webhooks handed to the webhook relay as SQS would hand them on AWS.
 * Every delivery is recorded, so tests and the local inbox can read exactly who received what.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { inWindow, type AlertWindow, type Notifier } from '../core/ports.js';
import type { Channel, Endpoint, RenderedMessage } from '../core/types.js';
import type { WebhookOutcome } from '../core/webhook-relay.js';
import { maskEndpoint } from './mask.js';

type NotifierEndpoint = Exclude<Endpoint, { channel: 'webhook' }>;

export interface Delivery {
  channel: Channel;
  /** Where it went, masked as it is printed. */
  to: string;
  /** The subscription (for webhooks, the subscriber) and the topic ('relay' for webhooks) it came through. */
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
  /** The webhook relay: called with each segment message whose topic has webhooks, as SQS would call it. */
  relay?: (body: string, attributes: Record<string, string>) => Promise<unknown>;
  /** Called on every publish, before delivery: benchmarks time the pipeline up to here. */
  onPublish?: (topicRef: string, attributes: Record<string, string>) => void;
}

interface State {
  topics: Record<string, Record<string, NotifierEndpoint>>;
  /** Alert windows of subscriptions that have one (SNS filter policies, emulated). */
  windows?: Record<string, AlertWindow>;
  /** Segment topics that feed the webhook relay. */
  relays?: string[];
}

export class LocalNotifier implements Notifier {
  readonly deliveries: Delivery[] = [];
  private readonly state: State;
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(private readonly options: LocalNotifierOptions = {}) {
    this.state = options.stateFile ? readState(options.stateFile) : { topics: {} };
  }

  async createSegmentTopic(segmentKey: string): Promise<string> {
    const ref = `local:segment:${segmentKey}`;
    this.state.topics[ref] ??= {};
    this.save();
    return ref;
  }

  async deleteSegmentTopic(topicRef: string): Promise<void> {
    delete this.state.topics[topicRef];
    this.state.relays = this.state.relays?.filter((ref) => ref !== topicRef);
    this.save();
  }

  async subscribe(topicRef: string, endpoint: NotifierEndpoint, window?: AlertWindow): Promise<string> {
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

  async attachWebhookRelay(topicRef: string): Promise<void> {
    if (!this.state.topics[topicRef]) throw new Error(`no segment topic ${topicRef}`);
    const relays = (this.state.relays ??= []);
    if (!relays.includes(topicRef)) relays.push(topicRef);
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
      if (!inWindow(this.state.windows?.[subscriptionRef], createdAt)) continue;
      const body = endpoint.channel === 'sms' ? message.sms : endpoint.platform === 'apns' ? message.APNS : message.GCM;
      this.record({ channel: endpoint.channel, to: maskEndpoint(endpoint), subscriptionRef, topicRef, alertId, body, status: 'delivered' });
    }
    const relay = this.options.relay;
    if (relay && this.state.relays?.includes(topicRef)) this.track(relay(message.sqs, attributes));
  }

  /** Work that finishes in the background (webhook relays and their retries), awaited by `idle`. */
  track(task: Promise<unknown>): void {
    const tracked = task.catch((error: unknown) => this.options.print?.(`✗ webhook relay: ${error instanceof Error ? error.message : String(error)}`));
    const done = tracked.finally(() => this.inFlight.delete(done));
    this.inFlight.add(done);
  }

  /** Records what the relay did with one webhook delivery, so the inbox shows webhooks too. */
  recordWebhook(outcome: WebhookOutcome): void {
    if (outcome.kind === 'skipped') return;
    const to = maskEndpoint({ channel: 'webhook', url: outcome.url });
    const base = { channel: 'webhook' as const, to, subscriptionRef: outcome.job.subscriberId, topicRef: 'relay', alertId: outcome.job.alertId, body: outcome.job.body };
    if (outcome.kind === 'delivered') this.record({ ...base, status: 'delivered' });
    else if (outcome.kind === 'failed') this.record({ ...base, status: 'failed', error: `${outcome.error}${outcome.health?.disabledAt ? '; endpoint disabled' : ''}` });
    else this.options.print?.(`… webhook ${to}: ${outcome.error}, try ${outcome.job.attempt + 1} in ${outcome.delayMs} ms`);
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
