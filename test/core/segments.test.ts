import { describe, expect, it } from 'vitest';
import { decide } from '../../functions/core/decide.js';
import { canonicalPreferences, matchesSegment, segmentKey } from '../../functions/core/segments.js';

describe('segments', () => {
  it('gives the same key whatever the order or repetition of topics', () => {
    const a = segmentKey({ topics: ['medtop:16000000', 'medtop:11000000'], minUrgency: 3 });
    expect(segmentKey({ topics: ['medtop:11000000', 'medtop:16000000', 'medtop:11000000'], minUrgency: 3 })).toBe(a);
    expect(segmentKey({ topics: ['medtop:11000000', 'medtop:16000000'], minUrgency: 2 })).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{20}$/);
    expect(canonicalPreferences({ topics: ['b', 'a', 'b'], minUrgency: 4 })).toEqual({ topics: ['a', 'b'], minUrgency: 4 });
  });

  it('matches on urgency and any shared topic; no topics means all', () => {
    const alert = { urgency: 2, topics: ['medtop:16000000', 'medtop:20000056'] };
    expect(matchesSegment(alert, { topics: ['medtop:16000000'], minUrgency: 3 })).toBe(true);
    expect(matchesSegment(alert, { topics: ['medtop:20000056'], minUrgency: 2 })).toBe(true);
    expect(matchesSegment(alert, { topics: ['medtop:16000000'], minUrgency: 1 })).toBe(false);
    expect(matchesSegment(alert, { topics: ['medtop:15000000'], minUrgency: 9 })).toBe(false);
    expect(matchesSegment(alert, { topics: [], minUrgency: 3 })).toBe(true);
  });
});

describe('decide', () => {
  const classification = (urgency: number) => ({ urgency, wire: 'urgent' as const, topics: [], countries: [], overridden: [] });
  it('alerts at or above the configured urgency', () => {
    expect(decide(classification(3), { alertThreshold: 3 }).alert).toBe(true);
    expect(decide(classification(4), { alertThreshold: 3 }).alert).toBe(false);
    expect(decide(classification(3), { alertThreshold: 2 }).alert).toBe(false);
  });
});
