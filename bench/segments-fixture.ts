/**
 * A realistic registry of audience segments: topic choices weighted the way news apps
 * see them (politics, conflict, sport and business lead), a tenth of subscribers taking
 * every topic, urgency thresholds mostly "urgent", subscribers spread over segments by a
 * Zipf law (a few big segments, a long tail). Seeded, so every run sees the same registry.
 */
import { TOP_LEVEL_TOPICS } from '../functions/core/classify/media-topics.js';
import { canonicalPreferences, segmentKey } from '../functions/core/segments.js';
import type { Preferences } from '../functions/core/types.js';

/** A small deterministic PRNG (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOPIC_WEIGHTS: Record<string, number> = {
  'medtop:11000000': 14, 'medtop:16000000': 12, 'medtop:15000000': 14, 'medtop:04000000': 12, 'medtop:13000000': 8,
  'medtop:03000000': 7, 'medtop:02000000': 6, 'medtop:07000000': 5, 'medtop:01000000': 5, 'medtop:17000000': 4,
  'medtop:06000000': 3, 'medtop:14000000': 2, 'medtop:09000000': 2, 'medtop:05000000': 2, 'medtop:10000000': 2,
  'medtop:12000000': 1, 'medtop:08000000': 1,
};
const URGENCY_WEIGHTS: Array<[number, number]> = [[1, 10], [2, 30], [3, 45], [4, 5], [5, 10]];

function pick<T>(rand: () => number, weighted: Array<[T, number]>): T {
  const total = weighted.reduce((sum, [, w]) => sum + w, 0);
  let r = rand() * total;
  for (const [value, w] of weighted) if ((r -= w) < 0) return value;
  return weighted.at(-1)![0];
}

export interface SegmentSpec {
  key: string;
  preferences: Preferences;
  subscribers: number;
}

export function realisticSegments(count: number, subscribers: number, seed = 42): SegmentSpec[] {
  const rand = random(seed);
  const topics = Object.entries(TOPIC_WEIGHTS) as Array<[string, number]>;
  if (Object.keys(TOP_LEVEL_TOPICS).length !== topics.length) throw new Error('topic weights out of date');
  const seen = new Map<string, Preferences>();
  while (seen.size < count) {
    const all = rand() < 0.1;
    const chosen = new Set<string>();
    const n = all ? 0 : 1 + Math.floor(rand() * rand() * 5);
    while (chosen.size < n) chosen.add(pick(rand, topics));
    const preferences = canonicalPreferences({ topics: [...chosen], minUrgency: pick(rand, URGENCY_WEIGHTS) });
    seen.set(segmentKey(preferences), preferences);
  }
  // Zipf (s = 1.1) shares of the subscribers, largest first, at least one each.
  const weights = Array.from({ length: count }, (_, i) => 1 / (i + 1) ** 1.1);
  const total = weights.reduce((a, b) => a + b, 0);
  const specs = [...seen.entries()].map(([key, preferences], i) => ({ key, preferences, subscribers: Math.max(1, Math.floor((weights[i]! / total) * subscribers)) }));
  const assigned = specs.reduce((sum, s) => sum + s.subscribers, 0);
  specs[0]!.subscribers += subscribers - assigned;
  return specs;
}
