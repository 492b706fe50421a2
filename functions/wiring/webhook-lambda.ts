/**
 * The webhook relay's Lambda wiring: the store, SQS for retries and fetch for the POSTs —
 * nothing of SNS, so the relay's bundle stays small.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoStore } from '../adapters/dynamo-store.js';
import { sqsRetry } from '../adapters/webhook-queue.js';
import { webhookPost } from '../adapters/webhook-post.js';
import { WebhookRelay } from '../core/webhook-relay.js';
import { recordWebhookOutcome } from '../api/publish-metrics.js';
import { pipelineMetrics, required } from './lambda-env.js';

export function webhookRuntime(env: NodeJS.ProcessEnv = process.env) {
  const logger = new Logger({ serviceName: env.POWERTOOLS_SERVICE_NAME ?? 'newsalert' });
  const metrics = new Metrics({ namespace: env.POWERTOOLS_METRICS_NAMESPACE ?? 'newsalert', serviceName: env.POWERTOOLS_SERVICE_NAME ?? 'newsalert' });
  const counters = pipelineMetrics(metrics);
  const relay = new WebhookRelay({
    store: new DynamoStore({ client: new DynamoDBClient({}), tableName: required(env, 'TABLE_NAME') }),
    post: webhookPost(),
    retryLater: sqsRetry(new SQSClient({}), required(env, 'WEBHOOK_QUEUE_URL')),
    now: () => new Date(),
    ...(env.WEBHOOK_DISABLE_AFTER && { settings: { disableAfter: Number(env.WEBHOOK_DISABLE_AFTER) } }),
    observe: (outcome) => recordWebhookOutcome(counters, logger, outcome),
  });
  return { relay, logger, metrics };
}
