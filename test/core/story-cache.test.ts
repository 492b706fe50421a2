/** The story cache reads only what is new, forgets what left the window, and sees other writers' stories. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DynamoStore } from '../../functions/adapters/dynamo-store.js';
import { StoryCache } from '../../functions/core/story-cache.js';
import { signature, type Story } from '../../functions/core/story.js';
import { startStore } from '../helpers/store.js';

let store: DynamoStore;
let close: () => Promise<void>;
beforeAll(async () => {
  const started = await startStore();
  store = started.store;
  close = () => started.dynamo.close();
});
afterAll(async () => close?.());

const story = (id: string, createdAt: string): Story => ({
  id, alertId: `al_${id}`, headline: id, signature: signature(id), wire: 'bulletin', countries: [], topic: 'medtop:16000000', createdAt,
});

describe('StoryCache', () => {
  it('reads incrementally with an overlap and drops stories older than the window', async () => {
    const reads: string[] = [];
    const spy = new Proxy(store, {
      get: (target, name, receiver) =>
        name === 'recentStories' ? (since: Date) => (reads.push(since.toISOString()), target.recentStories(since)) : Reflect.get(target, name, receiver),
    });
    const cache = new StoryCache(spy);
    const hour = 3_600_000;
    await store.putStory(story('old', '2026-01-01T08:00:00.000Z'));
    await store.putStory(story('a', '2026-01-01T11:00:00.000Z'));
    const first = await cache.recent(new Date('2026-01-01T12:00:00Z'), 2 * hour);
    expect(first.map((s) => s.id)).toEqual(['a']);
    // Another process opens a story; the next read asks only for the last minute and after.
    await store.putStory(story('b', '2026-01-01T12:00:30.000Z'));
    const second = await cache.recent(new Date('2026-01-01T12:01:00Z'), 2 * hour);
    expect(second.map((s) => s.id).sort()).toEqual(['a', 'b']);
    expect(reads).toEqual(['2026-01-01T10:00:00.000Z', '2026-01-01T11:59:00.000Z']);
    // Three hours on, 'a' and 'b' have left a two-hour window.
    expect(await cache.recent(new Date('2026-01-01T15:00:00Z'), 2 * hour)).toEqual([]);
  });
});
