/**
 * Assembles the application from its adapters: the same assembly for Lambda and for the
 * local server, so both run the same code and differ only in what they plug in.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import { Authenticator } from '../api/auth.js';
import type { Classifier } from '../core/classify/classifier.js';
import { EmbeddedClassifier } from '../core/classify/embedded-classifier.js';
import type { AlertPolicy } from '../core/decide.js';
import { Editorial } from '../core/editorial.js';
import type { Notifier, Store } from '../core/ports.js';
import { AlertPublisher, type PublishSettings } from '../core/publish-alert.js';
import { SegmentRegistry } from '../core/segment-registry.js';
import type { StoryPolicy } from '../core/story.js';
import { SubscriptionService } from '../core/subscriptions.js';

/** What the pipeline counts: Powertools metrics on Lambda, nothing locally. */
export interface PipelineMetrics {
  count(name: string, value?: number): void;
  milliseconds(name: string, value: number): void;
}

export interface AppConfig {
  policy: AlertPolicy;
  /** Plain-http webhooks are for local runs; deployed, only https is accepted. */
  allowHttpWebhooks: boolean;
  publish?: Partial<PublishSettings>;
  /** How far back, and how alike, two articles are the same story. */
  story?: StoryPolicy;
  /** New SMS numbers confirm before they receive alerts (default on). */
  smsDoubleOptIn?: boolean;
}

export interface App {
  store: Store;
  notifier: Notifier;
  classifier: Classifier;
  publisher: AlertPublisher;
  subscriptions: SubscriptionService;
  editorial: Editorial;
  registry: SegmentRegistry;
  auth: Authenticator;
  config: AppConfig;
  logger: Logger;
  metrics?: PipelineMetrics;
  now: () => Date;
}

export function assembleApp(parts: {
  store: Store;
  notifier: Notifier;
  config: AppConfig;
  logger: Logger;
  metrics?: PipelineMetrics;
  classifier?: Classifier;
  now?: () => Date;
}): App {
  const now = parts.now ?? (() => new Date());
  const { store, notifier } = parts;
  const registry = new SegmentRegistry(store, now);
  const publisher = new AlertPublisher({
    store,
    notifier,
    registry,
    now,
    ...(parts.config.publish && { settings: parts.config.publish }),
  });
  return {
    store,
    notifier,
    classifier: parts.classifier ?? new EmbeddedClassifier(),
    publisher,
    subscriptions: new SubscriptionService({ store, notifier, now, smsDoubleOptIn: parts.config.smsDoubleOptIn ?? true }),
    editorial: new Editorial({ store, publisher, now }),
    registry,
    auth: new Authenticator(store, now),
    config: parts.config,
    logger: parts.logger,
    ...(parts.metrics && { metrics: parts.metrics }),
    now,
  };
}
