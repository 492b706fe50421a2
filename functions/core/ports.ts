/**
 * The two ports the pipeline talks through. The core depends on these interfaces only;
 * adapters implement them for AWS (DynamoDB, SNS) and for local runs (dynalite, local notifier).
 */
import type { Story } from './story.js';
import type { Alert, AlertStatus, Article, Audience, AuditEntry, Channel, Classification, Decision, Effective, Endpoint, RenderedMessage, Role, Segment, Subscriber, WebhookHealth } from './types.js';

export interface ArticleRecord {
  article: Article;
  classification: Classification;
  /** What the alert goes out with: the classification with the editor's hints applied. */
  effective: Effective;
  decision: Decision;
  /** Hash of the article's content: a repeat with the same id and version must match it. */
  contentHash: string;
  receivedAt: string;
  /** The story the article's alert belongs to, so its next versions find it. */
  storyId?: string;
  /** Who posted it (the key's role, label and id), for the audit. */
  postedBy?: string;
}

export interface RetiredSubscription {
  subscriptionRef: string;
  segmentKey: string;
  /** The subscriber's new subscription, whose window opens at the move. */
  successorRef: string;
  /** The move's instant (ISO): alerts created up to it still go to the old subscription. */
  movedAt: string;
  /** Counted under this channel in its segment (absent on records from before the count). */
  channel?: Channel;
}

/**
 * A webhook's place in a segment. newsalert delivers webhooks itself (signed per
 * subscription), so a segment topic carries one relay for all its webhooks and the store
 * says which subscribers it serves — with the same alert window an SNS subscription has.
 */
export interface WebhookMembership {
  ref: string;
  segmentKey: string;
  subscriberId: string;
  window?: AlertWindow;
}

export interface Page<T> {
  items: T[];
  cursor?: string;
}

export interface ApiKeyRecord {
  /** Public handle of the key: the first characters of its hash, safe to list and log. */
  id: string;
  role: Role;
  label: string;
  createdAt: string;
  /** For signing keys (CMS webhooks): the shared secret, which HMAC needs in the clear. */
  secret?: string;
}

export interface Store {
  /** Writes the record unless that id and version exist; returns the stored record when it does. */
  putArticle(record: ArticleRecord): Promise<ArticleRecord | undefined>;
  getArticle(id: string, version: number): Promise<ArticleRecord | undefined>;
  /** Every article version received, newest first. */
  listArticles(options: { limit: number; cursor?: string }): Promise<Page<ArticleRecord>>;
  /** Every stored version of an article, oldest first. */
  listArticleVersions(id: string): Promise<ArticleRecord[]>;

  /** Writes the alert unless it exists; returns the stored alert when it does. */
  putAlert(alert: Alert, contentHash: string): Promise<{ alert: Alert; contentHash: string } | undefined>;
  getAlert(id: string): Promise<Alert | undefined>;
  /** Adds a line to an alert's audit without changing anything else. */
  appendAudit(id: string, entry: AuditEntry): Promise<void>;
  /** Newest first; only those in `status` when given. */
  listAlerts(options: { limit: number; cursor?: string; status?: AlertStatus }): Promise<Page<Alert>>;
  /**
   * Moves an alert from one of `from` to `to`, appending `audit`, if it is in one of `from`:
   * a conditional write, so of two concurrent approvals one wins. Returns the alert after
   * the move, or undefined when it was not in `from`. A move to `pending` makes it due at `dueAt`.
   */
  transitionAlert(id: string, move: { from: AlertStatus[]; to: AlertStatus; audit: AuditEntry; dueAt?: Date; resetAttempts?: boolean }): Promise<Alert | undefined>;
  /**
   * Takes the alert for publishing when it is pending and due, or publishing with an
   * expired lease. Returns undefined when someone else holds it or it is done.
   */
  claimAlert(id: string, now: Date, leaseMs: number): Promise<Alert | undefined>;
  /** Marks the alert sent, adding the segments this attempt published to, and notes it in the audit. */
  markAlertSent(id: string, at: Date, segments: string[], reach?: Audience): Promise<void>;
  /**
   * Hands the alert back for a later attempt (or marks it failed when `retryAt` is
   * undefined), keeping the segments this attempt did publish to so a retry skips them.
   */
  releaseAlert(id: string, outcome: { error: string; retryAt: Date | undefined; segments: string[] }): Promise<void>;
  /** Alerts still pending or publishing whose time has come, oldest first. */
  listDueAlerts(now: Date, limit: number): Promise<Alert[]>;

  /**
   * Counts an alert against a topic's hourly budget: true when it fits (or was counted
   * already: a retry takes nothing twice), false when the budget is spent.
   */
  takeTopicBudget(topic: string, hour: string, limit: number, alertId: string): Promise<boolean>;

  /** Writes a story unless it exists (a retry writes nothing new). */
  putStory(story: Story): Promise<void>;
  /** Files a story under its LSH buckets, where the next report of the same event will look. */
  fileStory(story: Story): Promise<void>;
  getStory(id: string): Promise<Story | undefined>;
  /**
   * The stories most recently filed under any of these LSH buckets and opened since `since`:
   * the candidates for "the same story", found with two batch reads whatever the number of stories.
   */
  storiesInBuckets(buckets: string[], since: Date): Promise<Story[]>;
  /**
   * Raises a story to a higher wire level, recording the alert that does it — only if the
   * story is still lower (a conditional write: of two concurrent escalations one wins).
   */
  escalateStory(id: string, wire: Story['wire'], alertId: string): Promise<boolean>;

  /** Adds one subscriber (counted under its channel) to the segment, creating it with `topicRef` if it is new. */
  joinSegment(segment: Segment, channel?: Channel): Promise<void>;
  /** Removes one subscriber; deletes and returns the segment when that was its last one. */
  leaveSegment(key: string, channel?: Channel): Promise<Segment | undefined>;
  getSegment(key: string): Promise<Segment | undefined>;
  listSegments(): Promise<Segment[]>;
  /** Changes whenever a segment is created or deleted: publishers cache the registry against it. */
  segmentRegistryVersion(): Promise<number>;

  putSubscriber(subscriber: Subscriber): Promise<void>;
  /** Replaces the subscriber if it is still in `from` (a conditional write); false when it is not. */
  replaceSubscriber(subscriber: Subscriber, from: Subscriber['status']): Promise<boolean>;
  getSubscriber(id: string): Promise<Subscriber | undefined>;
  /** Every subscription of an SMS number. */
  listSubscribersByPhone(phoneNumber: string): Promise<Subscriber[]>;
  /** Remembers a subscription a move left behind, to remove once no alert before the move can still be published. */
  putRetiredSubscription(retired: RetiredSubscription): Promise<void>;
  /** Retired subscriptions whose alerts are all done by `before`. */
  listRetiredSubscriptions(before: Date): Promise<RetiredSubscription[]>;
  deleteRetiredSubscription(subscriptionRef: string): Promise<void>;
  /** Returns false when there was no such subscriber. */
  deleteSubscriber(id: string): Promise<boolean>;
  /** Every subscription of a push device token. */
  listSubscribersByPushToken(token: string): Promise<Subscriber[]>;

  putWebhookMembership(membership: WebhookMembership): Promise<void>;
  setWebhookWindow(ref: string, window: AlertWindow | undefined): Promise<void>;
  deleteWebhookMembership(ref: string): Promise<void>;
  /** The webhooks one segment's alerts go to. */
  listWebhookMemberships(segmentKey: string): Promise<WebhookMembership[]>;
  /**
   * Counts a failed delivery against the subscriber's webhook, disabling it at
   * `disableAfter` failures in a row; returns the health after the failure.
   */
  recordWebhookFailure(id: string, failure: { error: string; at: Date; disableAfter: number }): Promise<WebhookHealth | undefined>;
  /** A delivery went through (or an admin re-enabled it): the failure count starts again. */
  resetWebhookHealth(id: string): Promise<void>;

  putApiKey(hash: string, record: ApiKeyRecord): Promise<void>;
  findApiKey(hash: string): Promise<ApiKeyRecord | undefined>;
  /** A signing key by its id. */
  findSigningKey(id: string): Promise<ApiKeyRecord | undefined>;
  listApiKeys(): Promise<ApiKeyRecord[]>;
  /** Revokes a key by id; false when there was none. Takes effect on the next request. */
  deleteApiKey(id: string): Promise<boolean>;
}

/** Alerts by creation time (epoch ms): after one instant, or up to it. */
export type AlertWindow = { after: number } | { upTo: number };

export function inWindow(window: AlertWindow | undefined, alertCreatedAt: number): boolean {
  if (!window) return true;
  return 'after' in window ? alertCreatedAt > window.after : alertCreatedAt <= window.upTo;
}

export interface Notifier {
  /** Creates (or finds: the call is idempotent) the topic of one audience segment. */
  createSegmentTopic(segmentKey: string): Promise<string>;
  deleteSegmentTopic(topicRef: string): Promise<void>;
  /**
   * Subscribes one endpoint to a segment topic; returns the subscription's handle. With
   * `window`, the subscription receives only alerts created after `after` or up to `upTo`
   * (epoch ms): how a subscriber moves between segments with no gap and no double.
   */
  subscribe(topicRef: string, endpoint: Exclude<Endpoint, { channel: 'webhook' }>, window?: AlertWindow): Promise<string>;
  /** Narrows (or, with undefined, widens again) the alerts a subscription receives. */
  setWindow(subscriptionRef: string, window: AlertWindow | undefined): Promise<void>;
  unsubscribe(subscriptionRef: string): Promise<void>;
  /**
   * Makes sure the segment topic feeds the webhook relay (idempotent): on AWS an SQS
   * subscription to the relay's queue, locally a note to call the relay.
   */
  attachWebhookRelay(topicRef: string): Promise<void>;
  publish(topicRef: string, message: RenderedMessage, attributes: Record<string, string>): Promise<void>;
  /** One text to one number, outside any segment (confirmation texts). */
  sendSms(phoneNumber: string, text: string): Promise<void>;
  /** Whether the number is on the carrier/SNS opt-out list (it replied STOP before). */
  isOptedOut(phoneNumber: string): Promise<boolean>;
}

