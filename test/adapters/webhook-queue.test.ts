/** The relay queue's two messages: what SNS puts there, and the relay's own delayed retries (SQS asserted exactly). */
import type { SQSClient } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { readQueueMessage, sqsRetry } from '../../functions/adapters/webhook-queue.js';

describe('webhook relay queue', () => {
  it("reads SNS's envelope: the webhook body and the alert's attributes", () => {
    const envelope = {
      Type: 'Notification',
      MessageId: 'm-1',
      TopicArn: 'arn:aws:sns:eu-west-1:123456789012:newsalert-dev-seg-abc',
      Message: '{"type":"alert","alert":{"id":"al_1"}}',
      Timestamp: '2026-11-24T12:00:00.000Z',
      MessageAttributes: {
        alertId: { Type: 'String', Value: 'al_1' },
        segment: { Type: 'String', Value: 'abc' },
        alertCreatedAt: { Type: 'Number', Value: '1795000000000' },
      },
    };
    expect(readQueueMessage(JSON.stringify(envelope))).toEqual({
      kind: 'segment',
      body: '{"type":"alert","alert":{"id":"al_1"}}',
      attributes: { alertId: 'al_1', segment: 'abc', alertCreatedAt: '1795000000000' },
    });
  });

  it('sends a retry back with SQS DelaySeconds (at most 15 minutes) and reads it again', async () => {
    const sent: Array<{ command: string; input: unknown }> = [];
    const client = { send: async (c: { constructor: { name: string }; input: unknown }) => void sent.push({ command: c.constructor.name, input: c.input }) } as unknown as SQSClient;
    const retry = sqsRetry(client, 'https://sqs.eu-west-1.amazonaws.com/123456789012/webhooks');
    const job = { subscriberId: 'sub_1', alertId: 'al_1', body: '{}', attempt: 2 };
    await retry(job, 10_000);
    await retry({ ...job, attempt: 5 }, 3_600_000);
    expect(sent).toEqual([
      { command: 'SendMessageCommand', input: { QueueUrl: 'https://sqs.eu-west-1.amazonaws.com/123456789012/webhooks', MessageBody: JSON.stringify({ retry: job }), DelaySeconds: 10 } },
      { command: 'SendMessageCommand', input: { QueueUrl: 'https://sqs.eu-west-1.amazonaws.com/123456789012/webhooks', MessageBody: JSON.stringify({ retry: { ...job, attempt: 5 } }), DelaySeconds: 900 } },
    ]);
    expect(readQueueMessage((sent[0]!.input as { MessageBody: string }).MessageBody)).toEqual({ kind: 'retry', job });
  });

  it('refuses anything else', () => {
    expect(() => readQueueMessage('not json')).toThrow();
    expect(() => readQueueMessage(JSON.stringify({ Type: 'SubscriptionConfirmation', Message: 'x' }))).toThrow();
  });
});
