/**
 * Lambda, fed by the webhook relay's queue: an alert a segment topic sent (SNS's envelope),
 * or a retry the relay scheduled. A record fails only when the relay could not do its part
 * (the store down, say); SQS then tries it again, and after that the dead-letter queue keeps it.
 */
import middy from '@middy/core';
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { readQueueMessage } from './adapters/webhook-queue.js';
import { webhookRuntime } from './wiring/webhook-lambda.js';

const { relay, logger, metrics } = webhookRuntime();
const processor = new BatchProcessor(EventType.SQS);

async function handleRecord(record: SQSRecord): Promise<void> {
  const message = readQueueMessage(record.body);
  if (message.kind === 'retry') await relay.deliver(message.job);
  else await relay.relay(message.body, message.attributes);
}

export const handler = middy(async (event: SQSEvent, context: Context) => processPartialResponse(event, handleRecord, processor, { context }))
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics));
