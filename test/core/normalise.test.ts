import { describe, expect, it } from 'vitest';
import { datelineOf, decodeEntities, htmlToText, normaliseHeadline, normaliseText } from '../../functions/core/normalise.js';
import { seedText } from '../helpers/seed.js';

describe('normalise', () => {
  it('drops the scraper noise of the seed story and keeps its prose', () => {
    const text = normaliseText(seedText());
    expect(text).not.toMatch(/^advertisement$/im);
    expect(text).not.toMatch(/With wires/);
    expect(text.split('\n')[0]).toMatch(/^The Iranian government has taken responsibility/);
    expect(text).toContain('Ain Assad Air Force Base is located in the western Iraqi province of Anbar.');
  });

  it('decodes AG News escapes without their ampersand, and backslash line breaks', () => {
    expect(decodeEntities('Iraq #39;s oil at #36;50')).toBe("Iraq 's oil at $50");
    expect(normaliseText('A mortar bomb slammed into a\\house in a settlement')).toBe('A mortar bomb slammed into a house in a settlement');
    expect(normaliseText('Johnson  amp; Johnson &amp; Guidant')).toContain('Johnson & Johnson & Guidant');
  });

  it('strips agency tags and datelines from the lead, and finds the dateline city', () => {
    expect(normaliseText('Reuters - Israeli forces thrust into the camp.')).toBe('Israeli forces thrust into the camp.');
    expect(normaliseText('Canadian Press - VANCOUVER (CP) - The sister of a man spoke.')).toBe('The sister of a man spoke.');
    expect(datelineOf('LONDON (Reuters) - Shares fell.')).toBe('London');
    expect(normaliseHeadline('Blast Near Harbour Market Injures 12 (AP)')).toBe('Blast Near Harbour Market Injures 12');
  });

  it('turns HTML into text, without scripts, and keeps paragraphs', () => {
    const html = '<p>First &ldquo;quoted&rdquo; para.</p><script>alert(1)</script><div>Second<br>line</div>';
    expect(normaliseText(htmlToText(html))).toBe('First “quoted” para.\nSecond\nline');
  });

  it('never throws on control characters or lone surrogates', () => {
    expect(normaliseText('a\u0000b\ud800c &#55296; &#x110000;')).toBe('a b\ud800c');
  });
});
