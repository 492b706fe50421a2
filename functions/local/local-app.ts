/**
 * The local runtime's wiring: embedded dynalite, the local notifier, the same handlers as
 * on AWS behind a loopback HTTP server, and a timer in place of the scheduled sweeper.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { DynamoStore } from '../adapters/dynamo-store.js';
import { LocalNotifier } from '../adapters/local-notifier.js';
import { articlesApi } from '../api/articles-api.js';
import { bearerKeyRecord, generateKey } from '../api/auth.js';
import { healthApi } from '../api/health-api.js';
import { subscriptionsApi } from '../api/subscriptions-api.js';
import { sweepDueAlerts } from '../core/publish-alert.js';
import type { PublishSettings } from '../core/publish-alert.js';
import type { StoryPolicy } from '../core/story.js';
import type { Role } from '../core/types.js';
import { assembleApp, type App } from '../wiring/app.js';
import { WebhookRelay, type WebhookSettings } from '../core/webhook-relay.js';
import { webhookPost } from '../adapters/webhook-post.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { startEmbeddedDynamo } from './embedded-dynamo.js';
import { consoleSite } from './console-site.js';
import { inboxApi } from './inbox-api.js';
import { startLocalServer, type LambdaHttpHandler } from './local-server.js';

export interface LocalOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Keep data here across restarts; in memory when unset. */
  dataDir?: string;
  editorKey?: string;
  appKey?: string;
  adminKey?: string;
  alertThreshold?: number;
  /** Urgencies held for approval instead of sent, e.g. { from: 3, to: 4 }. */
  holdBand?: { from: number; to: number };
  /** Alerts an hour per primary topic below flash; the excess is held. */
  topicBudgetPerHour?: number;
  /** How far back, and how alike, two articles are the same story. */
  story?: StoryPolicy;
  /** The clock (tests set it to cross quiet hours and DST changes). */
  now?: () => Date;
  /** How long a moved subscriber's old subscription lives on for alerts from before the move. */
  moveGraceMs?: number;
  /** New SMS numbers confirm first (default on; some tests turn it off to talk about something else). */
  smsDoubleOptIn?: boolean;
  sweepIntervalMs?: number;
  /** Webhook retries and disabling (tests shorten the waits). */
  webhooks?: Partial<WebhookSettings>;
  publish?: Partial<PublishSettings>;
  /** Where deliveries and notices are printed; silent when unset. */
  print?: (line: string) => void;
  logLevel?: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'SILENT';
  /** Hooks for benchmarks: a request arrives; the notifier is asked to publish. */
  observe?: {
    request?: (request: IncomingMessage) => void;
    publish?: (topicRef: string, attributes: Record<string, string>) => void;
  };
}

/** The keys a local run starts with; viewers get theirs from an admin (POST /v1/keys). */
export type LocalRole = Exclude<Role, 'viewer'>;

export interface LocalRuntime {
  url: string;
  app: App;
  notifier: LocalNotifier;
  keys: Record<LocalRole, string>;
  /** Where the embedded DynamoDB listens, for tools that talk to it directly. */
  dynamoEndpoint: string;
  /** The client the store uses (benchmarks count its calls). */
  dynamoClient: DynamoDBClient;
  close(): Promise<void>;
}

export async function startLocal(options: LocalOptions = {}): Promise<LocalRuntime> {
  const dynamo = await startEmbeddedDynamo({ ...(options.dataDir && { dataDir: join(options.dataDir, 'dynamo') }) });
  const store = new DynamoStore({ client: dynamo.client, tableName: dynamo.tableName });
  const now = options.now ?? (() => new Date());
  // Webhooks go through the same relay as on AWS; a timer stands in for SQS's delayed retry.
  const relay: WebhookRelay = new WebhookRelay({
    store,
    post: webhookPost(),
    retryLater: async (job, delayMs) => notifier.track(sleep(delayMs).then(() => relay.deliver(job))),
    now,
    ...(options.webhooks && { settings: options.webhooks }),
    observe: (outcome) => notifier.recordWebhook(outcome),
  });
  const notifier = new LocalNotifier({
    ...(options.print && { print: options.print }),
    ...(options.dataDir && { stateFile: join(options.dataDir, 'notifier.json') }),
    ...(options.observe?.publish && { onPublish: options.observe.publish }),
    relay: (body, attributes) => relay.relay(body, attributes),
  });
  const logger = new Logger({ serviceName: 'newsalert', logLevel: options.logLevel ?? 'WARN' });
  const app = assembleApp({
    store,
    notifier,
    config: {
      policy: {
        alertThreshold: options.alertThreshold ?? 3,
        ...(options.holdBand && { holdBand: options.holdBand }),
        ...(options.topicBudgetPerHour !== undefined && { topicBudgetPerHour: options.topicBudgetPerHour }),
      },
      allowHttpWebhooks: true,
      ...(options.story && { story: options.story }),
      ...(options.smsDoubleOptIn !== undefined && { smsDoubleOptIn: options.smsDoubleOptIn }),
      ...(options.publish && { publish: options.publish }),
    },
    logger,
    now,
  });

  const keys: Record<LocalRole, string> = {
    editor: options.editorKey ?? generateKey('editor'),
    app: options.appKey ?? generateKey('app'),
    admin: options.adminKey ?? generateKey('admin'),
  };
  for (const [role, key] of Object.entries(keys) as Array<[LocalRole, string]>) {
    const { hash, record } = bearerKeyRecord(key, role, 'local', new Date());
    await app.store.putApiKey(hash, record);
  }

  // One handler per Lambda, as on AWS; the prefixes mirror the stack's API Gateway routes.
  const articles = articlesApi(app) as unknown as LambdaHttpHandler;
  const subscriptions = subscriptionsApi(app) as unknown as LambdaHttpHandler;
  const server = await startLocalServer({
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    mounts: [
      { prefix: '/health', handler: healthApi(app) as unknown as LambdaHttpHandler },
      ...['/v1/articles', '/v1/alerts', '/v1/keys', '/v1/topics', '/v1/openapi.json'].map((prefix) => ({ prefix, handler: articles })),
      ...['/v1/subscriptions', '/v1/sms'].map((prefix) => ({ prefix, handler: subscriptions })),
      { prefix: '/local/deliveries', handler: inboxApi(app, notifier) as unknown as LambdaHttpHandler },
      { prefix: '/console', handler: consoleSite() },
    ],
    onFault: (error) => logger.error('request failed', error as Error),
    ...(options.observe?.request && { onRequest: options.observe.request }),
  });

  let sweeping: Promise<void> | undefined;
  const timer = setInterval(() => {
    sweeping ??= sweepDueAlerts(app.store, app.publisher, app.now())
      .then(() => app.subscriptions.retireMoved(options.moveGraceMs ?? 3_600_000))
      .then(() => undefined, (error: unknown) => logger.error('sweep failed', error as Error))
      .finally(() => {
        sweeping = undefined;
      });
  }, options.sweepIntervalMs ?? 5_000);
  timer.unref();

  return {
    url: server.url,
    app,
    notifier,
    keys,
    dynamoEndpoint: dynamo.endpoint,
    dynamoClient: dynamo.client,
    close: async () => {
      clearInterval(timer);
      await sweeping;
      await server.close();
      await notifier.idle();
      await dynamo.close();
    },
  };
}
