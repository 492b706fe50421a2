/** Lambda, on a schedule: publishes every alert still pending, so none is lost. */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { sweepDueAlerts } from './core/publish-alert.js';
import { lambdaApp } from './wiring/lambda.js';

const app = lambdaApp();

export const handler = middy(async () => {
  const outcomes = await sweepDueAlerts(app.store, app.publisher, app.now());
  const counts: Record<string, number> = {};
  for (const outcome of outcomes) counts[outcome.status] = (counts[outcome.status] ?? 0) + 1;
  if (outcomes.length > 0) app.logger.info('swept pending alerts', { counts });
  const failed = outcomes.filter((o) => o.status === 'failed' || o.status === 'retrying');
  for (const outcome of failed) app.logger.error('alert publish did not succeed', { outcome });
  return { swept: outcomes.length, counts };
}).use(injectLambdaContext(app.logger));
