import { describe, expect, it } from 'vitest';
import { bands, findSameStory, signature, similarity, type Story } from '../../functions/core/story.js';

const baghdadA = 'Car bomb kills 14 outside police station in Baghdad. A car bomb exploded outside a police station in central Baghdad on Monday, killing 14 people, officials said.';
const baghdadB = 'Fourteen killed as car bomb hits Baghdad police station. At least 14 people were killed when a car bomb exploded near a police station in Baghdad, police said.';
const kabul = 'Car bomb kills three in Kabul market. A car bomb exploded in a crowded market in Kabul on Tuesday, killing three people.';
const story = (text: string, countries: string[]): Story => ({ id: text.slice(0, 8), alertId: 'al', headline: text, signature: signature(text), wire: 'bulletin', countries, topic: 'medtop:16000000', createdAt: '2026-01-01T00:00:00Z' });

describe('story matching', () => {
  it('finds the same event from another source and not a similar event elsewhere', () => {
    expect(similarity(signature(baghdadA), signature(baghdadB))).toBeGreaterThanOrEqual(0.35);
    const policy = { windowMs: 3_600_000, threshold: 0.35 };
    expect(findSameStory(story(baghdadB, ['IQ']), [story(baghdadA, ['IQ']), story(kabul, ['AF'])], policy)?.story.headline).toBe(baghdadA);
    expect(findSameStory(story(kabul, ['AF']), [story(baghdadA, ['IQ'])], policy)).toBeUndefined();
    // Same words, two countries: two events.
    expect(findSameStory(story('Earthquake kills 30 in Peru', ['PE']), [story('Earthquake kills 30 in Chile', ['CL'])], policy)).toBeUndefined();
  });

  it('files near-duplicates under shared LSH buckets', () => {
    const shared = (a: string, b: string) => bands(signature(a)).filter((band) => bands(signature(b)).includes(band)).length;
    expect(bands(signature(baghdadA))).toHaveLength(32);
    expect(shared(baghdadA, baghdadB)).toBeGreaterThan(0);
    expect(shared(baghdadA, baghdadA)).toBe(32);
  });
});
