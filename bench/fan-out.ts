/** Fan-out planning: matching one alert against the segment registry, and what it costs to publish. */
import { matchesSegment } from '../functions/core/segments.js';
import type { Alert } from '../functions/core/types.js';
import { realisticSegments } from './segments-fixture.js';
import { median } from './stats.js';

export const SAMPLE_ALERTS: Array<{ name: string; alert: Pick<Alert, 'urgency' | 'topics'> }> = [
  { name: 'bulletin: conflict', alert: { urgency: 2, topics: ['medtop:16000000', 'medtop:20000056', 'medtop:11000000'] } },
  { name: 'urgent: sport', alert: { urgency: 3, topics: ['medtop:15000000', 'medtop:20001108'] } },
  { name: 'flash: disaster', alert: { urgency: 1, topics: ['medtop:03000000', 'medtop:20000148'] } },
];

export function fanOut(segmentCount = 5_000, subscribers = 1_000_000) {
  const segments = realisticSegments(segmentCount, subscribers);
  const at = new Date('2026-06-01T12:00:00Z');
  return SAMPLE_ALERTS.map(({ name, alert }) => {
    const times: number[] = [];
    let matched = segments;
    for (let run = 0; run < 200; run++) {
      const start = performance.now();
      matched = segments.filter((s) => matchesSegment(alert, s.preferences, at));
      times.push(performance.now() - start);
    }
    return {
      alert: name,
      segments: segments.length,
      subscribers,
      matchMs: median(times),
      publishCalls: matched.length,
      subscribersReached: matched.reduce((sum, s) => sum + s.subscribers, 0),
    };
  });
}
