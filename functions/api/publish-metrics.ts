/** What a publish attempt adds to the pipeline's metrics, wherever it ran (ingest or sweeper). */
import type { Logger } from '@aws-lambda-powertools/logger';
import type { PublishOutcome } from '../core/publish-alert.js';
import type { WebhookOutcome } from '../core/webhook-relay.js';
import type { PipelineMetrics } from '../wiring/app.js';

export function recordPublish(metrics: PipelineMetrics | undefined, outcome: PublishOutcome | { status: 'error'; error: string }): void {
  if (!metrics) return;
  switch (outcome.status) {
    case 'sent':
      metrics.count('SegmentPublishes', outcome.segments);
      metrics.milliseconds('PublishLatency', outcome.latencyMs);
      break;
    case 'failed':
      metrics.count('AlertsFailed');
      break;
    case 'retrying':
    case 'error':
      metrics.count('PublishRetries');
      break;
    case 'skipped':
      break;
  }
}

/** One webhook delivery's outcome, counted and (when it went wrong) logged — with the endpoint's host only. */
export function recordWebhookOutcome(metrics: PipelineMetrics, logger: Logger, outcome: WebhookOutcome): void {
  switch (outcome.kind) {
    case 'delivered':
      metrics.count('WebhooksDelivered');
      break;
    case 'retrying':
      metrics.count('WebhookRetries');
      logger.warn('webhook delivery failed; will retry', { host: hostOf(outcome.url), error: outcome.error, attempt: outcome.job.attempt, delayMs: outcome.delayMs });
      break;
    case 'failed':
      metrics.count('WebhooksFailed');
      if (outcome.health?.disabledAt) metrics.count('WebhooksDisabled');
      logger.error('webhook delivery failed for good', { host: hostOf(outcome.url), error: outcome.error, subscriberId: outcome.job.subscriberId, health: outcome.health });
      break;
    case 'skipped':
      break;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'invalid';
  }
}
