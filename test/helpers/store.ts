/**
 * A fresh store per suite: on an in-process dynalite, or — when `npm run test:ddb-local`
 * sets NEWSALERT_TEST_DYNAMO_ENDPOINT — on a fresh table in Amazon's DynamoDB Local.
 */
import { randomBytes } from 'node:crypto';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { DynamoStore } from '../../functions/adapters/dynamo-store.js';
import { ensureTable, localDynamoClient, startEmbeddedDynamo } from '../../functions/local/embedded-dynamo.js';
import type { Alert } from '../../functions/core/types.js';

export async function startStore() {
  const endpoint = process.env.NEWSALERT_TEST_DYNAMO_ENDPOINT;
  if (endpoint) {
    const client = localDynamoClient(endpoint);
    const tableName = `newsalert-test-${randomBytes(4).toString('hex')}`;
    await ensureTable(client, tableName);
    const close = async () => {
      await client.send(new DeleteTableCommand({ TableName: tableName }));
      client.destroy();
    };
    return { store: new DynamoStore({ client, tableName }), dynamo: { close } };
  }
  const dynamo = await startEmbeddedDynamo();
  return { store: new DynamoStore({ client: dynamo.client, tableName: dynamo.tableName }), dynamo };
}

export function alertFixture(overrides: Partial<Alert> = {}): Alert {
  return {
    id: 'al_test',
    articleId: 'art-1',
    articleVersion: 1,
    headline: 'Blast kills seven near army base',
    url: 'https://news.example.com/a/1',
    urgency: 2,
    wire: 'bulletin',
    topics: ['medtop:16000000'],
    countries: ['IQ'],
    language: 'en',
    createdAt: '2026-01-01T10:00:00.000Z',
    status: 'pending',
    attempts: 0,
    publishedSegments: [],
    audit: [],
    ...overrides,
  };
}
