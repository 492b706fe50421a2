/** What a publish attempt adds to the pipeline's metrics, wherever it ran (ingest or sweeper). */
import type { PublishOutcome } from '../core/publish-alert.js';
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
