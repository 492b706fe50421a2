/**
 * The webhook relay's queue on AWS. It carries two kinds of message: what a segment topic
 * sends it (SNS's envelope around the webhook body, with the alert's attributes), and the
 * relay's own retries, which it sends itself with a delay.
 */
import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import * as z from 'zod/mini';
import type { WebhookJob } from '../core/webhook-relay.js';

const snsEnvelope = z.object({
  Type: z.literal('Notification'),
  Message: z.string(),
  MessageAttributes: z.optional(z.record(z.string(), z.object({ Type: z.string(), Value: z.string() }))),
});

const retryMessage = z.object({
  retry: z.object({ subscriberId: z.string(), alertId: z.string(), body: z.string(), attempt: z.number().check(z.int(), z.minimum(2)) }),
});

export type QueueMessage = { kind: 'segment'; body: string; attributes: Record<string, string> } | { kind: 'retry'; job: WebhookJob };

/** Reads one queue message; throws on anything else (the record then fails and, after retries, lands in the DLQ). */
export function readQueueMessage(text: string): QueueMessage {
  const parsed = JSON.parse(text) as unknown;
  const retry = retryMessage.safeParse(parsed);
  if (retry.success) return { kind: 'retry', job: retry.data.retry };
  const envelope = snsEnvelope.parse(parsed);
  const attributes = Object.fromEntries(Object.entries(envelope.MessageAttributes ?? {}).map(([name, value]) => [name, value.Value]));
  return { kind: 'segment', body: envelope.Message, attributes };
}

/** The relay's `retryLater` on SQS: the job comes back after the delay (SQS allows at most 15 minutes). */
export function sqsRetry(client: SQSClient, queueUrl: string) {
  return async (job: WebhookJob, delayMs: number): Promise<void> => {
    await client.send(
      new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify({ retry: job }), DelaySeconds: Math.min(900, Math.ceil(delayMs / 1000)) }),
    );
  };
}
