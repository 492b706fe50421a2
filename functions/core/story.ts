/**
 * Recognising the same story: a MinHash signature of the words of a headline and its lead
 * (stemmed, without stop words), so that the same event reported by another source, or a
 * new version of an article, is found among recent stories by estimated Jaccard similarity.
 */
import { tokenize } from './classify/text.js';
import type { Wire } from './types.js';

const STOP = new Set(
  'a an the and or but of in on at to for from by with as is are was were be been has have had it its this that these those after before over under into out up down about than then there their they he she his her we our you your i not no new says said say will would could may might can also more most just than'.split(' '),
);
const PERMUTATIONS = 64;
const PRIME = 4_294_967_311; // > 2^32
const SEEDS = Array.from({ length: PERMUTATIONS }, (_, i) => [((i + 1) * 2_654_435_761) % PRIME, ((i + 7) * 40_503) % PRIME] as const);

function hash32(text: string): number {
  // FNV-1a: stable across processes and runtimes.
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The distinct content words of a text, stemmed. */
export function contentWords(text: string): Set<string> {
  return new Set(tokenize(text).map((t) => t.stem).filter((w) => w.length > 1 && !STOP.has(w)));
}

/**
 * 64 minimum hashes of the content words.
 *
 * @example similarity(signature('Car bomb kills 14 in Baghdad'), signature('Baghdad car bomb kills 14 police')) // ≈ 0.7
 */
export function signature(text: string): number[] {
  const words = [...contentWords(text)].map(hash32);
  if (words.length === 0) return Array(PERMUTATIONS).fill(0);
  return SEEDS.map(([a, b]) => {
    let min = Infinity;
    for (const w of words) {
      const v = (a * w + b) % PRIME;
      if (v < min) min = v;
    }
    return min;
  });
}

const ROWS_PER_BAND = 2;

/**
 * Locality-sensitive buckets of a signature: 32 bands of 2 minimum hashes. Two stories with
 * word-set similarity 0.35 share at least one bucket with probability ≈ 0.98; at 0.1, ≈ 0.27
 * (those candidates are then dropped by the full comparison).
 */
export function bands(sig: number[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + ROWS_PER_BAND <= sig.length; i += ROWS_PER_BAND) {
    out.push(`${i / ROWS_PER_BAND}:${hash32(sig.slice(i, i + ROWS_PER_BAND).join(','))}`);
  }
  return out;
}

/** Estimated Jaccard similarity of the two word sets. */
export function similarity(a: number[], b: number[]): number {
  let same = 0;
  for (let i = 0; i < PERMUTATIONS; i++) if (a[i] === b[i]) same++;
  return same / PERMUTATIONS;
}

export const WIRE_RANK: Record<Wire, number> = { flash: 0, bulletin: 1, urgent: 2, routine: 3 };

/** True when `wire` is a higher level of the ladder than `than` (flash above bulletin above urgent). */
export function isHigherWire(wire: Wire, than: Wire): boolean {
  return WIRE_RANK[wire] < WIRE_RANK[than];
}

export interface Story {
  id: string;
  /** The alert that opened the story. */
  alertId: string;
  headline: string;
  signature: number[];
  /** The highest wire level alerted so far for this story. */
  wire: Wire;
  /** Countries and primary topic: two reports of one event share them. */
  countries: string[];
  topic: string;
  createdAt: string;
  /** The alert that last raised the story's wire level. */
  lastAlertId?: string;
}

export interface StoryPolicy {
  /** How far back to look for the same story. */
  windowMs: number;
  /** Estimated Jaccard similarity from which two articles are the same story. */
  threshold: number;
}

export const DEFAULT_STORY_POLICY: StoryPolicy = { windowMs: 6 * 3_600_000, threshold: 0.35 };

/**
 * The story policy as configuration writes it: a window in minutes and a threshold from 0 to 1.
 *
 * @example storyPolicyFrom('360', '0.35') // { windowMs: 21600000, threshold: 0.35 }
 */
export function storyPolicyFrom(windowMinutes: string | undefined, threshold: string | undefined): StoryPolicy {
  const minutes = windowMinutes === undefined ? DEFAULT_STORY_POLICY.windowMs / 60_000 : Number(windowMinutes);
  const t = threshold === undefined ? DEFAULT_STORY_POLICY.threshold : Number(threshold);
  if (!Number.isFinite(minutes) || minutes < 0 || minutes > 7 * 24 * 60) throw new Error(`the story window is 0 to 10080 minutes, not "${windowMinutes}"`);
  if (!Number.isFinite(t) || t <= 0 || t > 1) throw new Error(`the story threshold is a similarity above 0 and at most 1, not "${threshold}"`);
  return { windowMs: minutes * 60_000, threshold: t };
}

/**
 * The most similar recent story at or above the threshold that is about the same primary
 * topic and, where both name countries, a shared one: "Earthquake kills 30 in Peru" and
 * "… in Chile" share most words and are two events.
 */
export function findSameStory(
  candidate: Pick<Story, 'signature' | 'countries' | 'topic'>,
  recent: Story[],
  policy: StoryPolicy,
): { story: Story; similarity: number } | undefined {
  let best: { story: Story; similarity: number } | undefined;
  for (const story of recent) {
    if (story.topic !== candidate.topic) continue;
    if (story.countries.length > 0 && candidate.countries.length > 0 && !story.countries.some((c) => candidate.countries.includes(c))) continue;
    const s = similarity(candidate.signature, story.signature);
    if (s >= policy.threshold && (!best || s > best.similarity)) best = { story, similarity: s };
  }
  return best;
}
