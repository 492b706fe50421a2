/**
 * Lambda, on a schedule: publishes every alert still due, so none is lost, and reports how
 * long the oldest had waited (an alarm watches that figure).
 */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { recordPublish } from './api/publish-metrics.js';
import { publishDue } from './core/publish-alert.js';
import { lambdaRuntime } from './wiring/lambda.js';

const { app, metrics } = lambdaRuntime();
/** How long a moved subscriber's old subscription lives on for alerts from before the move. */
const MOVE_GRACE_MS = 3_600_000;

export const handler = middy(async () => {
  const now = app.now();
  const due = await app.store.listDueAlerts(now, 100);
  const oldest = due.reduce((age, alert) => Math.max(age, now.getTime() - Date.parse(alert.createdAt)), 0);
  app.metrics?.milliseconds('OldestPendingAlertAge', oldest);
  const outcomes = await publishDue(due, app.publisher);
  app.metrics?.count('AlertsSwept', outcomes.length);
  await app.subscriptions.retireMoved(MOVE_GRACE_MS);
  for (const outcome of outcomes) {
    recordPublish(app.metrics, outcome);
    if (outcome.status === 'failed' || outcome.status === 'retrying') app.logger.error('alert publish did not succeed', { outcome });
  }
  return { swept: outcomes.length };
})
  .use(injectLambdaContext(app.logger))
  .use(logMetrics(metrics));
