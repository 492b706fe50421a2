/** A fresh dynalite and store per suite. */
import { DynamoStore } from '../../functions/adapters/dynamo-store.js';
import { startEmbeddedDynamo } from '../../functions/local/embedded-dynamo.js';
import type { Alert } from '../../functions/core/types.js';

export async function startStore() {
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
    ...overrides,
  };
}
