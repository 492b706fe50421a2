/**
 * The store port on DynamoDB: one table, every write a single-item conditional write
 * (no transactions, no streams), so it runs the same on DynamoDB, DynamoDB Local and dynalite.
 */
import { ConditionalCheckFailedException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type BatchGetCommandOutput,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { AppError } from '../core/errors.js';
import { sha256 } from '../core/ids.js';
import type { AlertWindow, ApiKeyRecord, ArticleRecord, Page, RetiredSubscription, Store, WebhookMembership } from '../core/ports.js';
import { CHANNELS } from '../core/segments.js';
import { bands, WIRE_RANK, type Story } from '../core/story.js';
import type { Alert, AlertStatus, Audience, AuditEntry, Channel, Segment, Subscriber, WebhookHealth } from '../core/types.js';
import { GSI_LISTINGS, GSI_PENDING } from './table-definition.js';

type Item = Record<string, unknown>;

const KEY_ATTRIBUTES = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'pendingPk', 'dueAt', 'leaseUntil', 'contentHash', 'type', 'publishedSegmentSet', 'subscribers', 'wireRank'];

function strip<T>(item: Item): T {
  const out: Item = {};
  for (const [k, v] of Object.entries(item)) if (!KEY_ATTRIBUTES.includes(k)) out[k] = v;
  return out as T;
}

function isConditionFailure(error: unknown): boolean {
  return error instanceof ConditionalCheckFailedException || (error as { name?: string })?.name === 'ConditionalCheckFailedException';
}

/** Versions sort as numbers: zero-padded. */
const versionKey = (version: number) => `V#${String(version).padStart(10, '0')}`;

export interface DynamoStoreOptions {
  client: DynamoDBClient;
  tableName: string;
}

export class DynamoStore implements Store {
  private readonly doc: DynamoDBDocumentClient;
  private readonly table: string;

  constructor({ client, tableName }: DynamoStoreOptions) {
    this.doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
    this.table = tableName;
  }

  // ── articles ────────────────────────────────────────────────────────────────

  async putArticle(record: ArticleRecord): Promise<ArticleRecord | undefined> {
    const key = { pk: `ARTICLE#${record.article.id}`, sk: versionKey(record.article.version) };
    // Listed newest first for the editors' desk.
    const listing = { gsi1pk: 'ARTICLES', gsi1sk: `${record.receivedAt}#${record.article.id}#${versionKey(record.article.version)}` };
    if (await this.putIfAbsent({ ...key, type: 'article', ...record, ...listing })) return undefined;
    return this.getArticle(record.article.id, record.article.version);
  }

  async getArticle(id: string, version: number): Promise<ArticleRecord | undefined> {
    const item = await this.get(`ARTICLE#${id}`, versionKey(version));
    return item && this.toArticleRecord(item);
  }

  async listArticleVersions(id: string): Promise<ArticleRecord[]> {
    const items = await this.queryAll({
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)',
      ExpressionAttributeValues: { ':pk': `ARTICLE#${id}`, ':v': 'V#' },
      ConsistentRead: true,
    });
    return items.map((item) => this.toArticleRecord(item));
  }

  async listArticles({ limit, cursor }: { limit: number; cursor?: string }): Promise<Page<ArticleRecord>> {
    const result = await this.doc.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: GSI_LISTINGS,
        KeyConditionExpression: 'gsi1pk = :p',
        ExpressionAttributeValues: { ':p': 'ARTICLES' },
        ScanIndexForward: false,
        Limit: limit,
        ...(cursor !== undefined && { ExclusiveStartKey: decodeCursor(cursor) }),
      }),
    );
    const items = (result.Items ?? []).map((item) => this.toArticleRecord(item));
    return { items, ...(result.LastEvaluatedKey && { cursor: encodeCursor(result.LastEvaluatedKey) }) };
  }

  private toArticleRecord(item: Item): ArticleRecord {
    const { article, classification, effective, decision, contentHash, receivedAt, storyId, postedBy } = item as unknown as ArticleRecord;
    return { article, classification, effective, decision, contentHash, receivedAt, ...(storyId && { storyId }), ...(postedBy && { postedBy }) };
  }

  // ── alerts (the outbox) ─────────────────────────────────────────────────────

  async putAlert(alert: Alert, contentHash: string): Promise<{ alert: Alert; contentHash: string } | undefined> {
    const { publishedSegments: _none, ...rest } = alert;
    const embargoed = alert.embargoUntil && alert.embargoUntil > alert.createdAt;
    const item = {
      pk: `ALERT#${alert.id}`,
      sk: 'ALERT',
      type: 'alert',
      ...rest,
      contentHash,
      gsi1pk: 'ALERTS',
      gsi1sk: `${alert.createdAt}#${alert.id}`,
      // Only alerts to publish are in the sparse pending index; an embargoed one is due when it lifts.
      ...(alert.status === 'pending' && { pendingPk: 'PENDING', dueAt: embargoed ? new Date(alert.embargoUntil!).toISOString() : alert.createdAt }),
    };
    if (await this.putIfAbsent(item)) return undefined;
    const stored = await this.get(`ALERT#${alert.id}`, 'ALERT');
    return stored && { alert: this.toAlert(stored), contentHash: String(stored.contentHash) };
  }

  async getAlert(id: string): Promise<Alert | undefined> {
    const item = await this.get(`ALERT#${id}`, 'ALERT');
    return item && this.toAlert(item);
  }

  async appendAudit(id: string, entry: AuditEntry): Promise<void> {
    await this.doc.send(
      new UpdateCommand({
        TableName: this.table,
        Key: { pk: `ALERT#${id}`, sk: 'ALERT' },
        UpdateExpression: 'SET audit = list_append(if_not_exists(audit, :none), :entry)',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':none': [], ':entry': [entry] },
      }),
    );
  }

  async listAlerts({ limit, cursor, status }: { limit: number; cursor?: string; status?: AlertStatus }): Promise<Page<Alert>> {
    // With a status filter DynamoDB may return short pages; read on until the page is full or the index ends.
    const items: Alert[] = [];
    let start = cursor !== undefined ? decodeCursor(cursor) : undefined;
    do {
      const result = await this.doc.send(
        new QueryCommand({
          TableName: this.table,
          IndexName: GSI_LISTINGS,
          KeyConditionExpression: 'gsi1pk = :p',
          ExpressionAttributeValues: { ':p': 'ALERTS', ...(status && { ':s': status }) },
          ...(status && { FilterExpression: '#status = :s', ExpressionAttributeNames: { '#status': 'status' } }),
          ScanIndexForward: false,
          Limit: limit - items.length,
          ...(start && { ExclusiveStartKey: start }),
        }),
      );
      items.push(...(result.Items ?? []).map((item) => this.toAlert(item)));
      start = result.LastEvaluatedKey;
    } while (start && items.length < limit);
    return { items, ...(start && { cursor: encodeCursor(start) }) };
  }

  async transitionAlert(
    id: string,
    move: { from: AlertStatus[]; to: AlertStatus; audit: AuditEntry; dueAt?: Date; resetAttempts?: boolean },
  ): Promise<Alert | undefined> {
    const froms = Object.fromEntries(move.from.map((status, i) => [`:from${i}`, status]));
    const toPending = move.to === 'pending';
    try {
      const result = await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { pk: `ALERT#${id}`, sk: 'ALERT' },
          UpdateExpression: [
            'SET #status = :to, audit = list_append(if_not_exists(audit, :none), :entry)',
            toPending ? ', pendingPk = :pending, dueAt = :due' : '',
            move.resetAttempts ? ', attempts = :zero' : '',
            toPending ? ' REMOVE leaseUntil, lastError' : ' REMOVE pendingPk, dueAt, leaseUntil',
          ].join(''),
          ConditionExpression: `#status IN (${Object.keys(froms).join(', ')})`,
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ...froms,
            ':to': move.to,
            ':none': [],
            ':entry': [move.audit],
            ...(toPending && { ':pending': 'PENDING', ':due': (move.dueAt ?? new Date(move.audit.at)).toISOString() }),
            ...(move.resetAttempts && { ':zero': 0 }),
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return result.Attributes && this.toAlert(result.Attributes);
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  }

  async claimAlert(id: string, now: Date, leaseMs: number): Promise<Alert | undefined> {
    const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
    try {
      const result = await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { pk: `ALERT#${id}`, sk: 'ALERT' },
          // The lease doubles as the due time: if this publisher dies, the sweeper finds the alert when it lapses.
          UpdateExpression: 'SET #status = :publishing, leaseUntil = :lease, dueAt = :lease, attempts = attempts + :one',
          ConditionExpression:
            '(#status = :pending AND dueAt <= :now) OR (#status = :publishing AND leaseUntil < :now)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':publishing': 'publishing',
            ':pending': 'pending',
            ':lease': leaseUntil,
            ':now': now.toISOString(),
            ':one': 1,
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return result.Attributes && this.toAlert(result.Attributes);
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  }

  async markAlertSent(id: string, at: Date, segments: string[], reach?: Audience): Promise<void> {
    await this.doc.send(
      new UpdateCommand({
        TableName: this.table,
        Key: { pk: `ALERT#${id}`, sk: 'ALERT' },
        UpdateExpression: `SET #status = :sent, sentAt = :at, audit = list_append(if_not_exists(audit, :none), :entry)${reach ? ', reach = :reach' : ''} REMOVE pendingPk, dueAt, leaseUntil, lastError${segments.length ? ' ADD publishedSegmentSet :s' : ''}`,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ...(reach && { ':reach': reach }),
          ':sent': 'sent',
          ':at': at.toISOString(),
          ':none': [],
          ':entry': [{ at: at.toISOString(), actor: 'newsalert', action: 'sent', detail: `published to ${segments.length} more segment(s)` }],
          ...(segments.length && { ':s': new Set(segments) }),
        },
      }),
    );
  }

  async releaseAlert(id: string, outcome: { error: string; retryAt: Date | undefined; segments: string[] }): Promise<void> {
    const { retryAt, segments } = outcome;
    const lastError = outcome.error.slice(0, 1000);
    const add = segments.length ? ' ADD publishedSegmentSet :s' : '';
    await this.doc.send(
      new UpdateCommand({
        TableName: this.table,
        Key: { pk: `ALERT#${id}`, sk: 'ALERT' },
        UpdateExpression: retryAt
          ? `SET #status = :status, dueAt = :due, lastError = :e REMOVE leaseUntil${add}`
          : `SET #status = :status, lastError = :e, audit = list_append(if_not_exists(audit, :none), :entry) REMOVE pendingPk, dueAt, leaseUntil${add}`,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':status': retryAt ? 'pending' : 'failed',
          ':e': lastError,
          ...(!retryAt && {
            ':none': [],
            ':entry': [{ at: new Date().toISOString(), actor: 'newsalert', action: 'failed', detail: `gave up after its attempts: ${lastError}` }],
          }),
          ...(retryAt && { ':due': retryAt.toISOString() }),
          ...(segments.length && { ':s': new Set(segments) }),
        },
      }),
    );
  }

  async listDueAlerts(now: Date, limit: number): Promise<Alert[]> {
    const result = await this.doc.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: GSI_PENDING,
        KeyConditionExpression: 'pendingPk = :p AND dueAt <= :now',
        ExpressionAttributeValues: { ':p': 'PENDING', ':now': now.toISOString() },
        Limit: limit,
      }),
    );
    return (result.Items ?? []).map((item) => this.toAlert(item));
  }

  private toAlert(item: Item): Alert {
    const set = item.publishedSegmentSet as Set<string> | undefined;
    const alert = strip<Omit<Alert, 'publishedSegments'>>(item);
    return { ...alert, audit: alert.audit ?? [], publishedSegments: set ? [...set].sort() : [] };
  }

  async takeTopicBudget(topic: string, hour: string, limit: number, alertId: string): Promise<boolean> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { pk: `BUDGET#${topic}#${hour}`, sk: 'BUDGET' },
          UpdateExpression: 'ADD alertIds :id SET expiresAt = :expires',
          ConditionExpression: 'attribute_not_exists(alertIds) OR size(alertIds) < :limit OR contains(alertIds, :alert)',
          ExpressionAttributeValues: {
            ':id': new Set([alertId]),
            ':alert': alertId,
            ':limit': limit,
            // TTL: the counter is gone a day after its hour.
            ':expires': Math.floor(Date.parse(`${hour}:00:00Z`) / 1000) + 86_400,
          },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  // ── stories ─────────────────────────────────────────────────────────────────

  async putStory(story: Story): Promise<void> {
    await this.putIfAbsent({ pk: `STORY#${story.id}`, sk: 'STORY', type: 'story', ...story, wireRank: WIRE_RANK[story.wire] });
  }

  async fileStory(story: Story): Promise<void> {
    // Each bucket remembers the latest story filed under it; a near-duplicate shares many buckets.
    const expiresAt = Math.floor(Date.parse(story.createdAt) / 1000) + 7 * 86_400;
    const puts = bands(story.signature).map((band) => ({ PutRequest: { Item: { pk: `BUCKET#${band}`, sk: 'BUCKET', storyId: story.id, createdAt: story.createdAt, expiresAt } } }));
    for (let i = 0; i < puts.length; i += 25) {
      let pending: typeof puts | undefined = puts.slice(i, i + 25);
      for (let attempt = 0; pending?.length && attempt < 5; attempt++) {
        const result = await this.doc.send(new BatchWriteCommand({ RequestItems: { [this.table]: pending } }));
        pending = result.UnprocessedItems?.[this.table] as typeof puts | undefined;
      }
    }
  }

  async getStory(id: string): Promise<Story | undefined> {
    const item = await this.get(`STORY#${id}`, 'STORY');
    return item && strip<Story>(item);
  }

  async storiesInBuckets(buckets: string[], since: Date): Promise<Story[]> {
    const sinceIso = since.toISOString();
    const filed = await this.batchGet([...new Set(buckets)].map((band) => ({ pk: `BUCKET#${band}`, sk: 'BUCKET' })));
    const ids = [...new Set(filed.filter((b) => String(b.createdAt) >= sinceIso).map((b) => String(b.storyId)))];
    const stories = await this.batchGet(ids.map((id) => ({ pk: `STORY#${id}`, sk: 'STORY' })));
    return stories.map((item) => strip<Story>(item)).filter((story) => story.createdAt >= sinceIso);
  }

  /** BatchGetItem in pages of 100, retrying what DynamoDB leaves unprocessed. */
  private async batchGet(keys: Array<Record<string, string>>): Promise<Item[]> {
    const items: Item[] = [];
    for (let i = 0; i < keys.length; i += 100) {
      let pending: Array<Record<string, unknown>> | undefined = keys.slice(i, i + 100);
      for (let attempt = 0; pending?.length && attempt < 5; attempt++) {
        const result: BatchGetCommandOutput = await this.doc.send(new BatchGetCommand({ RequestItems: { [this.table]: { Keys: pending, ConsistentRead: true } } }));
        items.push(...(result.Responses?.[this.table] ?? []));
        pending = result.UnprocessedKeys?.[this.table]?.Keys;
      }
    }
    return items;
  }

  async escalateStory(id: string, wire: Story['wire'], alertId: string): Promise<boolean> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { pk: `STORY#${id}`, sk: 'STORY' },
          UpdateExpression: 'SET wire = :w, wireRank = :r, lastAlertId = :a',
          ConditionExpression: 'wireRank > :r',
          ExpressionAttributeValues: { ':w': wire, ':r': WIRE_RANK[wire], ':a': alertId },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  // ── segments ────────────────────────────────────────────────────────────────

  async joinSegment(segment: Segment, channel?: Channel): Promise<void> {
    const result = await this.doc.send(
      new UpdateCommand({
        TableName: this.table,
        Key: { pk: `SEGMENT#${segment.key}`, sk: 'SEGMENT' },
        UpdateExpression: `SET preferences = if_not_exists(preferences, :p), topicRef = if_not_exists(topicRef, :t), #key = :k, gsi1pk = :g, gsi1sk = :k ADD subscribers :one${channel ? ', #n :one' : ''}`,
        ExpressionAttributeNames: { '#key': 'key', ...(channel && { '#n': audienceAttribute(channel) }) },
        ExpressionAttributeValues: { ':p': segment.preferences, ':t': segment.topicRef, ':k': segment.key, ':g': 'SEGMENTS', ':one': 1 },
        ReturnValues: 'UPDATED_OLD',
      }),
    );
    if (result.Attributes?.subscribers === undefined) await this.bumpRegistryVersion();
  }

  async leaveSegment(key: string, channel?: Channel): Promise<Segment | undefined> {
    const pk = `SEGMENT#${key}`;
    let remaining: number;
    try {
      const result = await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { pk, sk: 'SEGMENT' },
          UpdateExpression: `ADD subscribers :minus${channel ? ', #n :minus' : ''}`,
          ConditionExpression: 'attribute_exists(pk)',
          ...(channel && { ExpressionAttributeNames: { '#n': audienceAttribute(channel) } }),
          ExpressionAttributeValues: { ':minus': -1 },
          ReturnValues: 'ALL_NEW',
        }),
      );
      remaining = Number(result.Attributes?.subscribers ?? 0);
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
    if (remaining > 0) return undefined;
    try {
      const deleted = await this.doc.send(
        new DeleteCommand({
          TableName: this.table,
          Key: { pk, sk: 'SEGMENT' },
          ConditionExpression: 'subscribers <= :zero',
          ExpressionAttributeValues: { ':zero': 0 },
          ReturnValues: 'ALL_OLD',
        }),
      );
      await this.bumpRegistryVersion();
      return deleted.Attributes && toSegment(deleted.Attributes);
    } catch (error) {
      // Someone joined in between: the segment lives on.
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  }

  async getSegment(key: string): Promise<Segment | undefined> {
    const item = await this.get(`SEGMENT#${key}`, 'SEGMENT');
    return item && toSegment(item);
  }

  async listSegments(): Promise<Segment[]> {
    const items = await this.queryAll({
      TableName: this.table,
      IndexName: GSI_LISTINGS,
      KeyConditionExpression: 'gsi1pk = :g',
      ExpressionAttributeValues: { ':g': 'SEGMENTS' },
    });
    return items.map(toSegment);
  }

  async segmentRegistryVersion(): Promise<number> {
    const item = await this.get('REGISTRY', 'SEGMENTS');
    return Number(item?.version ?? 0);
  }

  private async bumpRegistryVersion(): Promise<void> {
    await this.doc.send(
      new UpdateCommand({
        TableName: this.table,
        Key: { pk: 'REGISTRY', sk: 'SEGMENTS' },
        UpdateExpression: 'ADD version :one',
        ExpressionAttributeValues: { ':one': 1 },
      }),
    );
  }

  // ── subscribers ─────────────────────────────────────────────────────────────

  private subscriberItem(subscriber: Subscriber): Item {
    // Listed by phone number (STOP, START) and by push token (dead-token clean-up).
    const { endpoint } = subscriber;
    const listing = endpoint.channel === 'sms' ? `PHONE#${endpoint.phoneNumber}` : endpoint.channel === 'push' ? pushTokenListing(endpoint.token) : undefined;
    return { pk: `SUB#${subscriber.id}`, sk: 'SUB', type: 'subscriber', ...subscriber, ...(listing && { gsi1pk: listing, gsi1sk: subscriber.id }) };
  }

  async putSubscriber(subscriber: Subscriber): Promise<void> {
    await this.doc.send(new PutCommand({ TableName: this.table, Item: this.subscriberItem(subscriber) }));
  }

  async replaceSubscriber(subscriber: Subscriber, from: Subscriber['status']): Promise<boolean> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: this.subscriberItem(subscriber),
          ConditionExpression: '#status = :from',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':from': from },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async listSubscribersByPhone(phoneNumber: string): Promise<Subscriber[]> {
    return this.listing<Subscriber>(`PHONE#${phoneNumber}`);
  }

  async listSubscribersByPushToken(token: string): Promise<Subscriber[]> {
    return this.listing<Subscriber>(pushTokenListing(token));
  }

  // ── webhooks ────────────────────────────────────────────────────────────────

  async putWebhookMembership(membership: WebhookMembership): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.table,
        Item: { pk: `HOOK#${membership.ref}`, sk: 'HOOK', type: 'webhookMembership', ...membership, gsi1pk: `HOOKS#${membership.segmentKey}`, gsi1sk: membership.ref },
      }),
    );
  }

  async setWebhookWindow(ref: string, window: AlertWindow | undefined): Promise<void> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { pk: `HOOK#${ref}`, sk: 'HOOK' },
          UpdateExpression: window ? 'SET #w = :w' : 'REMOVE #w',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#w': 'window' },
          ...(window && { ExpressionAttributeValues: { ':w': window } }),
        }),
      );
    } catch (error) {
      // Gone already (unsubscribed since): there is nothing left to narrow.
      if (!isConditionFailure(error)) throw error;
    }
  }

  async deleteWebhookMembership(ref: string): Promise<void> {
    await this.doc.send(new DeleteCommand({ TableName: this.table, Key: { pk: `HOOK#${ref}`, sk: 'HOOK' } }));
  }

  async listWebhookMemberships(segmentKey: string): Promise<WebhookMembership[]> {
    return this.listing<WebhookMembership>(`HOOKS#${segmentKey}`);
  }

  async recordWebhookFailure(id: string, failure: { error: string; at: Date; disableAfter: number }): Promise<WebhookHealth | undefined> {
    const key = { pk: `SUB#${id}`, sk: 'SUB' };
    const at = failure.at.toISOString();
    const error = failure.error.slice(0, 300);
    let health: WebhookHealth | undefined;
    // The first failure creates the map; later ones count up inside it. Two tries cover a race between the two.
    for (let tries = 0; tries < 2 && !health; tries++) {
      try {
        const counted = await this.doc.send(
          new UpdateCommand({
            TableName: this.table,
            Key: key,
            UpdateExpression: 'SET webhook.consecutiveFailures = webhook.consecutiveFailures + :one, webhook.lastError = :e, webhook.lastFailureAt = :at',
            ConditionExpression: 'attribute_exists(webhook)',
            ExpressionAttributeValues: { ':one': 1, ':e': error, ':at': at },
            ReturnValues: 'ALL_NEW',
          }),
        );
        health = (counted.Attributes as Subscriber | undefined)?.webhook;
      } catch (caught) {
        if (!isConditionFailure(caught)) throw caught;
        try {
          const fresh: WebhookHealth = { consecutiveFailures: 1, lastError: error, lastFailureAt: at };
          await this.doc.send(
            new UpdateCommand({
              TableName: this.table,
              Key: key,
              UpdateExpression: 'SET webhook = :h',
              ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(webhook)',
              ExpressionAttributeValues: { ':h': fresh },
            }),
          );
          health = fresh;
        } catch (again) {
          if (!isConditionFailure(again)) throw again;
          if (!(await this.get(key.pk, key.sk))) return undefined;
        }
      }
    }
    if (!health || health.disabledAt || health.consecutiveFailures < failure.disableAfter) return health;
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: key,
          UpdateExpression: 'SET webhook.disabledAt = :at',
          ConditionExpression: 'attribute_exists(webhook) AND attribute_not_exists(webhook.disabledAt)',
          ExpressionAttributeValues: { ':at': at },
        }),
      );
      return { ...health, disabledAt: at };
    } catch (caught) {
      if (!isConditionFailure(caught)) throw caught;
      return (await this.getSubscriber(id))?.webhook;
    }
  }

  async resetWebhookHealth(id: string): Promise<void> {
    try {
      await this.doc.send(
        new UpdateCommand({ TableName: this.table, Key: { pk: `SUB#${id}`, sk: 'SUB' }, UpdateExpression: 'REMOVE webhook', ConditionExpression: 'attribute_exists(webhook)' }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  async getSubscriber(id: string): Promise<Subscriber | undefined> {
    const item = await this.get(`SUB#${id}`, 'SUB');
    return item && strip<Subscriber>(item);
  }

  async deleteSubscriber(id: string): Promise<boolean> {
    const result = await this.doc.send(
      new DeleteCommand({ TableName: this.table, Key: { pk: `SUB#${id}`, sk: 'SUB' }, ReturnValues: 'ALL_OLD' }),
    );
    return result.Attributes !== undefined;
  }

  async putRetiredSubscription(retired: RetiredSubscription): Promise<void> {
    await this.doc.send(
      new PutCommand({ TableName: this.table, Item: { pk: `RETIRED#${retired.subscriptionRef}`, sk: 'RETIRED', type: 'retired', ...retired, gsi1pk: 'RETIRED', gsi1sk: retired.movedAt } }),
    );
  }

  async listRetiredSubscriptions(before: Date): Promise<RetiredSubscription[]> {
    const items = await this.queryAll({
      TableName: this.table,
      IndexName: GSI_LISTINGS,
      KeyConditionExpression: 'gsi1pk = :g AND gsi1sk < :before',
      ExpressionAttributeValues: { ':g': 'RETIRED', ':before': before.toISOString() },
    });
    return items.map((item) => strip<RetiredSubscription>(item));
  }

  async deleteRetiredSubscription(subscriptionRef: string): Promise<void> {
    await this.doc.send(new DeleteCommand({ TableName: this.table, Key: { pk: `RETIRED#${subscriptionRef}`, sk: 'RETIRED' } }));
  }

  // ── API keys ────────────────────────────────────────────────────────────────

  async putApiKey(hash: string, record: ApiKeyRecord): Promise<void> {
    // Signing keys are found by id (the request names it); bearer keys by the hash of the key.
    const pk = record.secret ? `SIGNKEY#${record.id}` : `KEY#${hash}`;
    await this.doc.send(new PutCommand({ TableName: this.table, Item: { pk, sk: 'KEY', type: 'apiKey', ...record, gsi1pk: 'KEYS', gsi1sk: record.id } }));
  }

  async findApiKey(hash: string): Promise<ApiKeyRecord | undefined> {
    const item = await this.get(`KEY#${hash}`, 'KEY');
    return item && strip<ApiKeyRecord>(item);
  }

  async findSigningKey(id: string): Promise<ApiKeyRecord | undefined> {
    const item = await this.get(`SIGNKEY#${id}`, 'KEY');
    return item && strip<ApiKeyRecord>(item);
  }

  async listApiKeys(): Promise<ApiKeyRecord[]> {
    const items = await this.queryAll({ TableName: this.table, IndexName: GSI_LISTINGS, KeyConditionExpression: 'gsi1pk = :g', ExpressionAttributeValues: { ':g': 'KEYS' } });
    return items.map((item) => strip<ApiKeyRecord>(item));
  }

  async deleteApiKey(id: string): Promise<boolean> {
    const items = await this.queryAll({
      TableName: this.table,
      IndexName: GSI_LISTINGS,
      KeyConditionExpression: 'gsi1pk = :g AND gsi1sk = :id',
      ExpressionAttributeValues: { ':g': 'KEYS', ':id': id },
    });
    for (const item of items) await this.doc.send(new DeleteCommand({ TableName: this.table, Key: { pk: item.pk, sk: item.sk } }));
    return items.length > 0;
  }

  // ── helpers ─────────────────────────────────────────────────────────────────

  private async listing<T>(gsi1pk: string): Promise<T[]> {
    const items = await this.queryAll({ TableName: this.table, IndexName: GSI_LISTINGS, KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': gsi1pk } });
    return items.map((item) => strip<T>(item));
  }

  private async get(pk: string, sk: string): Promise<Item | undefined> {
    const result = await this.doc.send(new GetCommand({ TableName: this.table, Key: { pk, sk }, ConsistentRead: true }));
    return result.Item;
  }

  /** True when written; false when an item with that key already existed. */
  private async putIfAbsent(item: Item): Promise<boolean> {
    try {
      await this.doc.send(new PutCommand({ TableName: this.table, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }));
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  private async queryAll(input: QueryCommandInput): Promise<Item[]> {
    const items: Item[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const result = await this.doc.send(new QueryCommand({ ...input, ...(start && { ExclusiveStartKey: start }) }));
      items.push(...(result.Items ?? []));
      start = result.LastEvaluatedKey;
    } while (start);
    return items;
  }
}

const audienceAttribute = (channel: Channel) => `n_${channel}`;

/** A segment item, with its per-channel member counts gathered into `audience`. */
function toSegment(item: Item): Segment {
  const segment = strip<Segment & Record<string, unknown>>(item);
  const audience: Partial<Record<Channel, number>> = {};
  for (const channel of CHANNELS) {
    const count = segment[audienceAttribute(channel)];
    delete segment[audienceAttribute(channel)];
    if (typeof count === 'number') audience[channel] = count;
  }
  return Object.keys(audience).length > 0 ? { ...segment, audience } : segment;
}

/** Tokens are long and device-identifying: the listing holds their hash. */
function pushTokenListing(token: string): string {
  return `PUSH#${sha256(token)}`;
}

function encodeCursor(key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

function decodeCursor(cursor: string): Record<string, unknown> {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    const names = key && typeof key === 'object' && !Array.isArray(key) ? Object.keys(key).sort().join(',') : '';
    if (names === 'gsi1pk,gsi1sk,pk,sk' && Object.values(key as object).every((v) => typeof v === 'string')) {
      return key as Record<string, unknown>;
    }
  } catch {
    // fall through to the clear error below
  }
  throw new AppError('INVALID_CURSOR', 'cursor is not one this API issued', 400);
}
