import { describe, expect, it } from 'vitest';
import { decide } from '../../functions/core/decide.js';
import { canonicalPreferences, matchesSegment, segmentKey } from '../../functions/core/segments.js';

const NOON = new Date('2026-06-01T12:00:00Z');

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
    expect(matchesSegment(alert, { topics: ['medtop:16000000'], minUrgency: 3 }, NOON)).toBe(true);
    expect(matchesSegment(alert, { topics: ['medtop:20000056'], minUrgency: 2 }, NOON)).toBe(true);
    expect(matchesSegment(alert, { topics: ['medtop:16000000'], minUrgency: 1 }, NOON)).toBe(false);
    expect(matchesSegment(alert, { topics: ['medtop:15000000'], minUrgency: 9 }, NOON)).toBe(false);
    expect(matchesSegment(alert, { topics: [], minUrgency: 3 }, NOON)).toBe(true);
  });
});

describe('preferences', () => {
  const urgent = { urgency: 3, topics: ['medtop:16000000'], countries: ['IR', 'IQ'], language: 'en' };
  const quiet = { topics: [], minUrgency: 3, quietHours: { from: '22:00', to: '07:00', timeZone: 'Europe/London' } };

  it('keeps quiet hours in local time across both DST changes, letting flashes through', () => {
    // Spring: clocks go forward on 29 March 2026; 06:30 UTC is 06:30 GMT the day before, 07:30 BST that day.
    expect(matchesSegment(urgent, quiet, new Date('2026-03-28T06:30:00Z'))).toBe(false);
    expect(matchesSegment(urgent, quiet, new Date('2026-03-29T06:30:00Z'))).toBe(true);
    // Autumn: clocks go back on 25 October 2026; 21:30 UTC is 22:30 BST the day before, 21:30 GMT that day.
    expect(matchesSegment(urgent, quiet, new Date('2026-10-24T21:30:00Z'))).toBe(false);
    expect(matchesSegment(urgent, quiet, new Date('2026-10-25T21:30:00Z'))).toBe(true);
    expect(matchesSegment({ ...urgent, urgency: 1 }, quiet, new Date('2026-10-24T21:30:00Z'))).toBe(true);
    // A window within one day does not wrap.
    expect(matchesSegment(urgent, { ...quiet, quietHours: { from: '13:00', to: '14:00', timeZone: 'Asia/Tokyo' } }, new Date('2026-06-01T04:30:00Z'))).toBe(false);
    expect(matchesSegment(urgent, { ...quiet, quietHours: { from: '13:00', to: '14:00', timeZone: 'Asia/Tokyo' } }, new Date('2026-06-01T05:30:00Z'))).toBe(true);
  });

  it('filters by country and language when the subscriber names them', () => {
    expect(matchesSegment(urgent, { topics: [], minUrgency: 3, countries: ['IQ'] }, NOON)).toBe(true);
    expect(matchesSegment(urgent, { topics: [], minUrgency: 3, countries: ['GB'] }, NOON)).toBe(false);
    expect(matchesSegment(urgent, { topics: [], minUrgency: 3, language: 'en' }, NOON)).toBe(true);
    expect(matchesSegment(urgent, { topics: [], minUrgency: 3, language: 'fr' }, NOON)).toBe(false);
    expect(segmentKey({ topics: [], minUrgency: 3, countries: ['iq', 'IR'] })).toBe(segmentKey({ topics: [], minUrgency: 3, countries: ['IR', 'IQ', 'IR'] }));
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
