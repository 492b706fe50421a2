/** The domain vocabulary shared by every step of the pipeline. */

/** The wire ladder an editor knows, from most to least urgent. */
export type Wire = 'flash' | 'bulletin' | 'urgent' | 'routine';

/** What an editor may tell the pipeline about an article; hints always win over the classifier. */
export interface EditorHints {
  urgency?: number;
  /** IPTC Media Topic codes. */
  topics?: string[];
  /** ISO 3166-1 alpha-2 country codes. */
  places?: string[];
  /** Record the article, never alert. */
  noAlert?: boolean;
  /** Alert only when an editor approves. */
  hold?: boolean;
}

/** An article as received, before normalisation. */
export interface ArticleInput {
  id?: string;
  version?: number;
  headline: string;
  body?: string;
  bodyHtml?: string;
  url?: string;
  source?: string;
  publishedAt?: string;
  language?: string;
  hints?: EditorHints;
  /** No alert before this instant (ISO 8601). */
  embargoUntil?: string;
}

/** An article after normalisation: every field the pipeline reads is present and clean. */
export interface Article {
  id: string;
  version: number;
  headline: string;
  body: string;
  url?: string;
  source?: string;
  publishedAt?: string;
  language: string;
  /** The city a wire dateline named ("VANCOUVER (CP) -" → "Vancouver"). */
  dateline?: string;
  hints?: EditorHints;
  embargoUntil?: string;
}

export interface TopicScore {
  /** IPTC Media Topic code, e.g. `medtop:16000000`. */
  code: string;
  label: string;
  /** 0..1, how sure the classifier is. */
  score: number;
}

export interface Place {
  name: string;
  /** ISO 3166-1 alpha-2. */
  countryCode: string;
}

export interface Classification {
  /** IPTC urgency, 1 (most urgent) to 9. */
  urgency: number;
  wire: Wire;
  /** Ranked; the first is the primary (top-level) topic; level-2 topics follow their parent. */
  topics: TopicScore[];
  places: Place[];
  /** The signals that decided the result, for the editor. */
  reasons: string[];
}

export interface Decision {
  alert: boolean;
  /** The alert waits for an editor's approval. */
  hold?: boolean;
  reason: string;
  alertId?: string;
}

/** What the alert goes out with: the classification with the editor's hints applied. */
export interface Effective {
  urgency: number;
  wire: Wire;
  topics: string[];
  countries: string[];
  /** Which of these an editor set. */
  overridden: Array<'urgency' | 'topics' | 'places'>;
}

/**
 * held → pending (approved) | rejected; pending → publishing → sent | pending (retry) | failed;
 * failed → pending (an editor retries).
 */
export type AlertStatus = 'held' | 'pending' | 'publishing' | 'sent' | 'failed' | 'rejected';

/** One line of an alert's history: who did what, when and why. */
export interface AuditEntry {
  at: string;
  /** "newsalert" for the pipeline itself, else the key that acted (role and label). */
  actor: string;
  action: string;
  detail: string;
}

/** The outbox item: everything needed to publish, with no further look-up. */
export interface Alert {
  id: string;
  articleId: string;
  articleVersion: number;
  headline: string;
  url?: string;
  source?: string;
  urgency: number;
  wire: Wire;
  topics: string[];
  countries: string[];
  language: string;
  createdAt: string;
  status: AlertStatus;
  attempts: number;
  /** Segments already published to: a retry skips them. */
  publishedSegments: string[];
  sentAt?: string;
  /** Subscribers of the segments it was sent to, by channel, as counted when it was sent. */
  reach?: Audience;
  lastError?: string;
  embargoUntil?: string;
  /** The story this alert belongs to: its push notifications replace one another. */
  storyId?: string;
  /** An escalation of a story already alerted: sent as an update. */
  update?: boolean;
  /** A correction of this alert: sent to exactly the segments the original reached. */
  correctionOf?: string;
  /** Publish to these segments only, whatever their preferences (corrections). */
  targetSegments?: string[];
  audit: AuditEntry[];
}

/** A daily window of silence in the subscriber's own time zone: "22:00"–"07:00" in Europe/London. */
export interface QuietHours {
  from: string;
  to: string;
  /** IANA time zone name. */
  timeZone: string;
}

/** What a subscriber asked for. Canonical form is produced by `canonicalPreferences`. */
export interface Preferences {
  /** IPTC Media Topic codes; empty means every topic. */
  topics: string[];
  /** An alert reaches the subscriber when its urgency number is ≤ this. */
  minUrgency: number;
  /** Only alerts about one of these countries (ISO 3166-1 alpha-2); absent means anywhere. */
  countries?: string[];
  /** Nothing but flashes in this window. */
  quietHours?: QuietHours;
  /** Only alerts in this language (primary subtag, e.g. "en"). */
  language?: string;
}

export type Endpoint =
  | { channel: 'sms'; phoneNumber: string }
  | { channel: 'push'; platform: 'apns' | 'fcm'; token: string }
  | { channel: 'webhook'; url: string; /** Signs every delivery; shown to the subscriber once, at creation. */ secret: string };

/** An endpoint as a subscriber gives it: a webhook's secret is made by newsalert. */
export type EndpointRequest = Exclude<Endpoint, { channel: 'webhook' }> | { channel: 'webhook'; url: string };

export type Channel = Endpoint['channel'];

/**
 * How a webhook endpoint has been answering: failed deliveries (each after all its retries)
 * in a row, and when it was disabled for failing too often.
 */
export interface WebhookHealth {
  consecutiveFailures: number;
  lastError?: string;
  lastFailureAt?: string;
  disabledAt?: string;
}

/**
 * pending_confirmation: an SMS number that has not yet confirmed (it receives nothing but
 * the confirmation text); active: receives alerts; stopped: the number sent STOP.
 */
export type SubscriberStatus = 'pending_confirmation' | 'active' | 'stopped';

export interface Subscriber {
  id: string;
  endpoint: Endpoint;
  preferences: Preferences;
  segmentKey: string;
  status: SubscriberStatus;
  /** The notifier's handle on the subscription (an SNS subscription ARN on AWS), while active. */
  subscriptionRef?: string;
  /** SHA-256 of the confirmation code texted to a new number. */
  confirmationHash?: string;
  createdAt: string;
  confirmedAt?: string;
  stoppedAt?: string;
  /** Webhooks only, once a delivery has failed. */
  webhook?: WebhookHealth;
}

/** Subscribers by channel. */
export interface Audience {
  sms: number;
  push: number;
  webhook: number;
  total: number;
}

export interface Segment {
  key: string;
  preferences: Preferences;
  /** The notifier's handle on the segment's topic (an SNS topic ARN on AWS). */
  topicRef: string;
  /** Its members by channel, as the registry read them. */
  audience?: Partial<Record<Channel, number>>;
}

/**
 * viewer reads articles and alerts; editor also posts, approves and corrects; admin also
 * manages keys; app manages subscriptions.
 */
export type Role = 'viewer' | 'editor' | 'admin' | 'app';

/** One message, rendered for every protocol, as SNS's `MessageStructure: json` wants it. */
export interface RenderedMessage {
  default: string;
  sms: string;
  APNS: string;
  APNS_SANDBOX: string;
  GCM: string;
  /** The webhook's JSON body, as SNS hands it to the webhook relay's queue. */
  sqs: string;
}
