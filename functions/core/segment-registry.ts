/**
 * The publisher's cached view of the segment registry. The store bumps a version number
 * whenever a segment is created or deleted; one small read per publish tells whether the
 * cached list is still right, so a new segment is never missed and the list is not
 * re-read on every alert. The members counted per segment (the audience figures editors
 * see) change without a new version, so the list is also re-read once it is `maxAgeMs` old.
 */
import type { Store } from './ports.js';
import type { Segment } from './types.js';

export class SegmentRegistry {
  private cached: { version: number; segments: Segment[]; readAt: number } | undefined;

  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
    private readonly maxAgeMs = 60_000,
  ) {}

  async segments(): Promise<Segment[]> {
    const version = await this.store.segmentRegistryVersion();
    const at = this.now().getTime();
    if (this.cached?.version !== version || at - this.cached.readAt > this.maxAgeMs) {
      this.cached = { version, segments: await this.store.listSegments(), readAt: at };
    }
    return this.cached.segments;
  }
}
