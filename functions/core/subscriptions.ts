/**
 * Subscribers join the segment of their preferences: the segment (and its topic) is
 * created with its first subscriber and removed with its last. A new SMS number is double
 * opt-in: it gets a confirmation text and joins its segment only once it confirms (with the
 * code, or by replying YES); STOP from the number ends every subscription it has. Every
 * change is stored before it is acknowledged.
 */
import { randomInt, timingSafeEqual } from 'node:crypto';
import { AppError, ConflictError, NotFoundError } from './errors.js';
import { randomId, sha256 } from './ids.js';
import type { AlertWindow, Notifier, Store } from './ports.js';
import { canonicalPreferences, segmentKey } from './segments.js';
import type { Channel, Endpoint, EndpointRequest, Preferences, Subscriber } from './types.js';
import { newWebhookSecret } from './webhook-signature.js';

export interface SubscriptionDeps {
  store: Store;
  notifier: Notifier;
  now: () => Date;
  newId?: () => string;
  /** Texted before a number receives anything; on unless a deployment says otherwise. */
  smsDoubleOptIn?: boolean;
  /** Names the service in confirmation texts. */
  senderName?: string;
}

const STOP_WORDS = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'ARRET', 'OPTOUT']);
const YES_WORDS = new Set(['YES', 'Y', 'START', 'JA', 'OUI', 'SI']);

const WEBHOOK_REF = 'hook';
const isWebhookRef = (ref: string) => ref.startsWith(`${WEBHOOK_REF}_`);

const codeHash = (id: string, code: string) => sha256(`newsalert-confirm:${id}:${code}`);

export class SubscriptionService {
  constructor(private readonly deps: SubscriptionDeps) {}

  async subscribe(request: EndpointRequest, preferences: Preferences): Promise<Subscriber> {
    const canonical = canonicalPreferences(preferences);
    const endpoint: Endpoint = request.channel === 'webhook' ? { ...request, secret: newWebhookSecret() } : request;
    const base = {
      id: (this.deps.newId ?? (() => randomId('sub')))(),
      endpoint,
      preferences: canonical,
      segmentKey: segmentKey(canonical),
      createdAt: this.deps.now().toISOString(),
    };
    if (endpoint.channel === 'sms' && (this.deps.smsDoubleOptIn ?? true)) {
      const stoppedHere = (await this.deps.store.listSubscribersByPhone(endpoint.phoneNumber)).some((s) => s.status === 'stopped');
      if (stoppedHere || (await this.deps.notifier.isOptedOut(endpoint.phoneNumber))) {
        throw new ConflictError('PHONE_OPTED_OUT', 'this number replied STOP; it must text START before it can subscribe again');
      }
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      const pending: Subscriber = { ...base, status: 'pending_confirmation', confirmationHash: codeHash(base.id, code) };
      await this.deps.store.putSubscriber(pending);
      const name = this.deps.senderName ?? 'NewsAlert';
      await this.deps.notifier.sendSms(endpoint.phoneNumber, `${name}: reply YES to get news alerts, or enter code ${code} in the app. Reply STOP to cancel.`);
      return pending;
    }
    const subscriptionRef = await this.join(base.id, base.segmentKey, canonical, endpoint);
    const active: Subscriber = { ...base, status: 'active', subscriptionRef };
    await this.deps.store.putSubscriber(active);
    return active;
  }

  async get(id: string): Promise<Subscriber> {
    const subscriber = await this.deps.store.getSubscriber(id);
    if (!subscriber) throw new NotFoundError('SUBSCRIPTION_NOT_FOUND', `no subscription ${id}`);
    return subscriber;
  }

  /** Confirms a pending SMS subscription with the texted code (or, from an inbound YES, without one). */
  async confirm(id: string, code: string | undefined): Promise<Subscriber> {
    const subscriber = await this.get(id);
    if (subscriber.status === 'active') return subscriber;
    if (subscriber.status === 'stopped') throw new ConflictError('SUBSCRIPTION_STOPPED', 'this number replied STOP; subscribe again to restart');
    if (code !== undefined) {
      const given = Buffer.from(codeHash(id, code), 'hex');
      const expected = Buffer.from(subscriber.confirmationHash ?? '0'.repeat(64), 'hex');
      if (!timingSafeEqual(given, expected)) throw new AppError('INVALID_CODE', 'the confirmation code is not the one texted to this number', 400);
    }
    const subscriptionRef = await this.join(id, subscriber.segmentKey, subscriber.preferences, subscriber.endpoint);
    const { confirmationHash: _spent, ...rest } = subscriber;
    const active: Subscriber = { ...rest, status: 'active', subscriptionRef, confirmedAt: this.deps.now().toISOString() };
    if (!(await this.deps.store.replaceSubscriber(active, 'pending_confirmation'))) {
      // Confirmed twice at once: the other confirmation won; undo this one's join.
      await this.detach(subscriptionRef);
      await this.leave(subscriber.segmentKey, subscriber.endpoint.channel);
      return this.get(id);
    }
    return active;
  }

  /**
   * A text from a subscriber's phone, as an inbound-SMS webhook relays it: STOP (and its
   * synonyms) stops every subscription of the number; YES/START confirms pending ones.
   */
  async inboundSms(from: string, text: string): Promise<{ action: 'stopped' | 'confirmed' | 'ignored'; subscriptions: number }> {
    const word = text.trim().toUpperCase().replace(/[^A-Z]/g, '');
    const subscribers = await this.deps.store.listSubscribersByPhone(from);
    if (STOP_WORDS.has(word)) {
      let stopped = 0;
      for (const subscriber of subscribers.filter((s) => s.status !== 'stopped')) {
        const { subscriptionRef, confirmationHash: _unused, ...rest } = subscriber;
        const done: Subscriber = { ...rest, status: 'stopped', stoppedAt: this.deps.now().toISOString() };
        if (!(await this.deps.store.replaceSubscriber(done, subscriber.status))) continue;
        if (subscriptionRef) {
          await this.detach(subscriptionRef);
          await this.leave(subscriber.segmentKey, subscriber.endpoint.channel);
        }
        stopped++;
      }
      return { action: 'stopped', subscriptions: stopped };
    }
    if (YES_WORDS.has(word)) {
      // START lifts an earlier STOP: its records go, so the number may subscribe again.
      for (const subscriber of subscribers.filter((s) => s.status === 'stopped')) await this.deps.store.deleteSubscriber(subscriber.id);
      const pending = subscribers.filter((s) => s.status === 'pending_confirmation');
      for (const subscriber of pending) await this.confirm(subscriber.id, undefined);
      return { action: 'confirmed', subscriptions: pending.length };
    }
    return { action: 'ignored', subscriptions: 0 };
  }

  /**
   * New preferences, and so perhaps a new segment, with no gap and no double: at the instant
   * of the move, the new subscription opens to alerts created after it and the old one
   * closes to alerts created up to it; the old one is removed later by `retireMoved`,
   * once no alert from before the move can still be published.
   */
  async changePreferences(id: string, preferences: Preferences): Promise<Subscriber> {
    const { store, notifier } = this.deps;
    const subscriber = await this.get(id);
    const canonical = canonicalPreferences(preferences);
    const key = segmentKey(canonical);
    if (key === subscriber.segmentKey) return subscriber;
    if (subscriber.status !== 'active' || !subscriber.subscriptionRef) {
      // Not in a segment yet (or any more): only the record changes.
      const updated = { ...subscriber, preferences: canonical, segmentKey: key };
      if (!(await store.replaceSubscriber(updated, subscriber.status))) throw new ConflictError('SUBSCRIPTION_CHANGED', 'the subscription changed meanwhile; read it and try again');
      return updated;
    }
    const movedAt = this.deps.now();
    const instant = movedAt.getTime();
    const successorRef = await this.join(id, key, canonical, subscriber.endpoint, { after: instant });
    await this.setWindow(subscriber.subscriptionRef, { upTo: instant });
    const retired = { subscriptionRef: subscriber.subscriptionRef, segmentKey: subscriber.segmentKey, successorRef, movedAt: movedAt.toISOString(), channel: subscriber.endpoint.channel };
    await store.putRetiredSubscription(retired);
    const moved: Subscriber = { ...subscriber, preferences: canonical, segmentKey: key, subscriptionRef: successorRef };
    if (!(await store.replaceSubscriber(moved, 'active'))) {
      // Changed or stopped meanwhile: undo this move whole.
      await this.detach(successorRef);
      await this.leave(key, subscriber.endpoint.channel);
      await this.setWindow(subscriber.subscriptionRef, undefined);
      await store.deleteRetiredSubscription(subscriber.subscriptionRef);
      throw new ConflictError('SUBSCRIPTION_CHANGED', 'the subscription changed meanwhile; read it and try again');
    }
    return moved;
  }

  /**
   * Removes the subscriptions moves left behind once `graceMs` has passed (longer than an
   * alert's automatic retries), and lifts their successors' windows.
   */
  async retireMoved(graceMs: number): Promise<number> {
    const { store, notifier } = this.deps;
    const due = await store.listRetiredSubscriptions(new Date(this.deps.now().getTime() - graceMs));
    for (const retired of due) {
      await this.detach(retired.subscriptionRef);
      await this.leave(retired.segmentKey, retired.channel);
      // The successor may be gone already (unsubscribed since); its window then needs nothing.
      await this.setWindow(retired.successorRef, undefined).catch(() => undefined);
      await store.deleteRetiredSubscription(retired.subscriptionRef);
    }
    return due.length;
  }

  async unsubscribe(id: string): Promise<void> {
    const subscriber = await this.get(id);
    if (subscriber.subscriptionRef) await this.detach(subscriber.subscriptionRef);
    if ((await this.deps.store.deleteSubscriber(id)) && subscriber.status === 'active') await this.leave(subscriber.segmentKey, subscriber.endpoint.channel);
  }

  /** Lets a webhook that was disabled for failing receive alerts again (its endpoint is fixed). */
  async enableWebhook(id: string): Promise<Subscriber> {
    const subscriber = await this.get(id);
    if (subscriber.endpoint.channel !== 'webhook') throw new ConflictError('NOT_A_WEBHOOK', 'only webhook subscriptions are disabled and enabled');
    await this.deps.store.resetWebhookHealth(id);
    return this.get(id);
  }

  /**
   * Removes every subscription of a push token the platform reports dead (the app was
   * uninstalled, the token expired): nothing more can reach it.
   */
  async removePushToken(token: string): Promise<number> {
    const subscribers = await this.deps.store.listSubscribersByPushToken(token);
    for (const subscriber of subscribers) await this.unsubscribe(subscriber.id);
    return subscribers.length;
  }

  /** Joins the segment (creating its topic with its first member) and subscribes the endpoint to it. */
  private async join(subscriberId: string, key: string, preferences: Preferences, endpoint: Endpoint, window?: AlertWindow): Promise<string> {
    const { store, notifier } = this.deps;
    // CreateTopic is idempotent by name, so a race between two first subscribers ends in one topic.
    const topicRef = (await store.getSegment(key))?.topicRef ?? (await notifier.createSegmentTopic(key));
    await store.joinSegment({ key, preferences, topicRef }, endpoint.channel);
    try {
      if (endpoint.channel !== 'webhook') return await notifier.subscribe(topicRef, endpoint, window);
      await notifier.attachWebhookRelay(topicRef);
      const ref = randomId(WEBHOOK_REF);
      await store.putWebhookMembership({ ref, segmentKey: key, subscriberId, ...(window && { window }) });
      return ref;
    } catch (error) {
      await this.leave(key, endpoint.channel);
      throw error;
    }
  }

  /** Ends one subscription: the notifier's, or a webhook's membership of its segment. */
  private async detach(ref: string): Promise<void> {
    if (isWebhookRef(ref)) await this.deps.store.deleteWebhookMembership(ref);
    else await this.deps.notifier.unsubscribe(ref);
  }

  private async setWindow(ref: string, window: AlertWindow | undefined): Promise<void> {
    if (isWebhookRef(ref)) await this.deps.store.setWebhookWindow(ref, window);
    else await this.deps.notifier.setWindow(ref, window);
  }

  private async leave(key: string, channel: Channel | undefined): Promise<void> {
    const emptied = await this.deps.store.leaveSegment(key, channel);
    if (emptied) await this.deps.notifier.deleteSegmentTopic(emptied.topicRef);
  }
}
