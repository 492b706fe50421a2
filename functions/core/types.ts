/** The domain vocabulary shared by every step of the pipeline. */

/** The wire ladder an editor knows, from most to least urgent. */
export type Wire = 'flash' | 'bulletin' | 'urgent' | 'routine';

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
  reason: string;
  alertId?: string;
}

export type AlertStatus = 'pending' | 'publishing' | 'sent' | 'failed';

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
  lastError?: string;
}

/** What a subscriber asked for. Canonical form is produced by `canonicalPreferences`. */
export interface Preferences {
  /** IPTC Media Topic codes; empty means every topic. */
  topics: string[];
  /** An alert reaches the subscriber when its urgency number is ≤ this. */
  minUrgency: number;
}

export type Endpoint =
  | { channel: 'sms'; phoneNumber: string }
  | { channel: 'push'; platform: 'apns' | 'fcm'; token: string }
  | { channel: 'webhook'; url: string };

export type Channel = Endpoint['channel'];

export interface Subscriber {
  id: string;
  endpoint: Endpoint;
  preferences: Preferences;
  segmentKey: string;
  /** The notifier's handle on the subscription (an SNS subscription ARN on AWS). */
  subscriptionRef: string;
  createdAt: string;
}

export interface Segment {
  key: string;
  preferences: Preferences;
  /** The notifier's handle on the segment's topic (an SNS topic ARN on AWS). */
  topicRef: string;
}

export type Role = 'editor' | 'app';

/** One message, rendered for every protocol, as SNS's `MessageStructure: json` wants it. */
export interface RenderedMessage {
  default: string;
  sms: string;
  APNS: string;
  APNS_SANDBOX: string;
  GCM: string;
  https: string;
}
