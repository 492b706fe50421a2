/**
 * Subscribers join the segment of their preferences: the segment (and its topic) is
 * created with its first subscriber and removed with its last. Every change is stored
 * before it is acknowledged.
 */
import { NotFoundError } from './errors.js';
import { randomId } from './ids.js';
import type { Notifier, Store } from './ports.js';
import { canonicalPreferences, segmentKey } from './segments.js';
import type { Endpoint, Preferences, Subscriber } from './types.js';

export interface SubscriptionDeps {
  store: Store;
  notifier: Notifier;
  now: () => Date;
  newId?: () => string;
}

export class SubscriptionService {
  constructor(private readonly deps: SubscriptionDeps) {}

  async subscribe(endpoint: Endpoint, preferences: Preferences): Promise<Subscriber> {
    const { store, notifier } = this.deps;
    const canonical = canonicalPreferences(preferences);
    const key = segmentKey(canonical);
    // CreateTopic is idempotent by name, so a race between two first subscribers ends in one topic.
    const topicRef = (await store.getSegment(key))?.topicRef ?? (await notifier.createSegmentTopic(key));
    await store.joinSegment({ key, preferences: canonical, topicRef });
    let subscriptionRef: string;
    try {
      subscriptionRef = await notifier.subscribe(topicRef, endpoint);
    } catch (error) {
      await this.leave(key);
      throw error;
    }
    const subscriber: Subscriber = {
      id: (this.deps.newId ?? (() => randomId('sub')))(),
      endpoint,
      preferences: canonical,
      segmentKey: key,
      subscriptionRef,
      createdAt: this.deps.now().toISOString(),
    };
    await store.putSubscriber(subscriber);
    return subscriber;
  }

  async get(id: string): Promise<Subscriber> {
    const subscriber = await this.deps.store.getSubscriber(id);
    if (!subscriber) throw new NotFoundError('SUBSCRIPTION_NOT_FOUND', `no subscription ${id}`);
    return subscriber;
  }

  async unsubscribe(id: string): Promise<void> {
    const subscriber = await this.get(id);
    await this.deps.notifier.unsubscribe(subscriber.subscriptionRef);
    if (await this.deps.store.deleteSubscriber(id)) await this.leave(subscriber.segmentKey);
  }

  private async leave(key: string): Promise<void> {
    const emptied = await this.deps.store.leaveSegment(key);
    if (emptied) await this.deps.notifier.deleteSegmentTopic(emptied.topicRef);
  }
}
