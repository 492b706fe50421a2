/**
 * The publisher's cached view of the segment registry. The store bumps a version number
 * whenever a segment is created or deleted; one small read per publish tells whether the
 * cached list is still right, so a new subscriber is never missed and the list is not
 * re-read on every alert.
 */
import type { Store } from './ports.js';
import type { Segment } from './types.js';

export class SegmentRegistry {
  private cached: { version: number; segments: Segment[] } | undefined;

  constructor(private readonly store: Store) {}

  async segments(): Promise<Segment[]> {
    const version = await this.store.segmentRegistryVersion();
    if (this.cached?.version !== version) {
      this.cached = { version, segments: await this.store.listSegments() };
    }
    return this.cached.segments;
  }
}
