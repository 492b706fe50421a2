/**
 * Property-based tests: normalise, classify, SMS rendering and segment keys never throw on
 * any string, SMS never exceeds one part when the link allows, and every segment key makes
 * a topic name SNS accepts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../functions/core/article.js';
import { EmbeddedClassifier } from '../../functions/core/classify/embedded-classifier.js';
import { TOP_LEVEL_TOPICS } from '../../functions/core/classify/media-topics.js';
import { smsParts } from '../../functions/core/gsm7.js';
import { htmlToText, normaliseText } from '../../functions/core/normalise.js';
import { renderMessage, renderSms } from '../../functions/core/render.js';
import { segmentKey } from '../../functions/core/segments.js';
import { alertFixture } from '../helpers/store.js';

const classifier = new EmbeddedClassifier();
/** Any string, including astral characters, lone surrogates, controls and markup-like noise. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.string({ unit: 'grapheme', maxLength: 400 }),
  fc.array(fc.constantFrom('advertisement', '\n', '– With wires', '#36;', '\\', '<p>', '</script>', '&amp;', ' quot;', 'Reuters - ', '(AP)', 'killed', 'Iran', '“', '€'), { maxLength: 40 }).map((parts) => parts.join(' ')),
);
const runs = { numRuns: 300 };

describe('properties', () => {
  it('normalise never throws and leaves no control characters or noise lines', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const out = normaliseText(htmlToText(text));
        expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
        for (const line of out.split('\n')) {
          expect(line).toBe(line.trim());
          expect(line.toLowerCase()).not.toBe('advertisement');
        }
      }),
      runs,
    );
  });

  it('classify never throws and always gives a well-formed classification', () => {
    fc.assert(
      fc.property(anyText, anyText, (headline, body) => {
        const c = classifier.classify(prepareArticle({ headline: headline || 'x', body }).article);
        expect(Number.isInteger(c.urgency) && c.urgency >= 1 && c.urgency <= 9).toBe(true);
        expect(c.wire).toBe(c.urgency === 1 ? 'flash' : c.urgency === 2 ? 'bulletin' : c.urgency === 3 ? 'urgent' : 'routine');
        expect(c.topics.length).toBeGreaterThan(0);
        expect(c.topics[0]!.code in TOP_LEVEL_TOPICS).toBe(true);
        for (const t of c.topics) expect(t.score >= 0 && t.score <= 1).toBe(true);
        for (const p of c.places) expect(p.countryCode).toMatch(/^[A-Z]{2}$/);
        expect(c.reasons.length).toBeGreaterThan(0);
      }),
      runs,
    );
  });

  it('an SMS is always one part when its link leaves room, ends with the link whole, and the SNS message is valid JSON', () => {
    fc.assert(
      fc.property(anyText, fc.option(fc.webUrl({ size: 'small' }), { nil: undefined }), fc.constantFrom('flash', 'bulletin', 'urgent', 'routine'), (headline, url, wire) => {
        const sms = renderSms({ headline, url, wire });
        expect(smsParts(sms.text)).toEqual({ encoding: sms.encoding, units: sms.units, parts: sms.parts });
        if (url) expect(sms.text.endsWith(` ${url}`)).toBe(true);
        const limit = sms.encoding === 'GSM-7' ? 160 : 70;
        if ((url?.length ?? 0) + 20 <= limit) {
          expect(sms.parts).toBe(1);
          expect(sms.units).toBeLessThanOrEqual(limit);
        }
        const message = renderMessage(alertFixture({ headline, ...(url && { url }), wire }));
        for (const payload of [message.APNS, message.GCM, message.sqs]) expect(() => JSON.parse(payload)).not.toThrow();
      }),
      runs,
    );
  });

  it('a segment key always makes a valid SNS topic name and ignores order and repetition', () => {
    const topic = fc.constantFrom(...Object.keys(TOP_LEVEL_TOPICS), 'medtop:20000056', 'medtop:20000574');
    fc.assert(
      fc.property(fc.array(topic, { maxLength: 20 }), fc.integer({ min: 1, max: 9 }), (topics, minUrgency) => {
        const key = segmentKey({ topics, minUrgency });
        const name = `newsalert-${'x'.repeat(20)}-seg-${key}`;
        expect(name).toMatch(/^[A-Za-z0-9_-]{1,256}$/);
        expect(segmentKey({ topics: [...topics].reverse().concat(topics), minUrgency })).toBe(key);
      }),
      runs,
    );
  });
});
