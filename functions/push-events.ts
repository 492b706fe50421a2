/**
 * Lambda, subscribed to the topic the push platform applications report endpoint events to:
 * removes the subscriptions of tokens APNs or FCM declared dead.
 */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type { SNSEvent } from 'aws-lambda';
import { removeDeadPushEndpoint, type PlatformEvent } from './core/push-cleanup.js';
import { lambdaRuntime } from './wiring/lambda.js';

const { app, metrics, sns } = lambdaRuntime();

export const handler = middy(async (event: SNSEvent) => {
  let removed = 0;
  for (const record of event.Records) {
    let parsed: PlatformEvent;
    try {
      parsed = JSON.parse(record.Sns.Message) as PlatformEvent;
    } catch {
      app.logger.warn('platform event is not JSON; ignored', { messageId: record.Sns.MessageId });
      continue;
    }
    const result = await removeDeadPushEndpoint(parsed, { platform: sns, subscriptions: app.subscriptions });
    if (result.removed > 0) app.logger.info('removed subscriptions of a disabled push endpoint', { ...result });
    removed += result.removed;
  }
  app.metrics?.count('PushSubscriptionsRemoved', removed);
  return { removed };
})
  .use(injectLambdaContext(app.logger))
  .use(logMetrics(metrics));
