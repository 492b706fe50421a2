/**
 * Recent stories, kept in the process and topped up incrementally: each lookup reads only
 * the stories opened since the last one (with a minute's overlap for clocks and slow
 * writes), so the cost per article does not grow with the number of stories in the window.
 * A cached story's wire level may be older than the table's; that is safe, because raising
 * a story is a conditional write against the table.
 */
import type { Store } from './ports.js';
import type { Story } from './story.js';

const OVERLAP_MS = 60_000;

export class StoryCache {
  private readonly stories = new Map<string, Story>();
  private readUpTo: number | undefined;

  constructor(private readonly store: Store) {}

  async recent(now: Date, windowMs: number): Promise<Story[]> {
    const windowStart = now.getTime() - windowMs;
    const since = this.readUpTo === undefined ? windowStart : Math.max(windowStart, this.readUpTo - OVERLAP_MS);
    for (const story of await this.store.recentStories(new Date(since))) this.stories.set(story.id, story);
    this.readUpTo = now.getTime();
    for (const [id, story] of this.stories) if (Date.parse(story.createdAt) < windowStart) this.stories.delete(id);
    return [...this.stories.values()];
  }

  /** A story this process just opened or raised: no need to wait for the next read. */
  remember(story: Story): void {
    this.stories.set(story.id, story);
  }
}
