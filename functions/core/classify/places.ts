/** Finds the countries and major cities an article is about, from names, demonyms and datelines. */
import type { Place } from '../types.js';
import { buildGazetteer, longestKey, type Gazetteer } from './gazetteer.js';

/** Capitalised words and abbreviations, as written ("U.S.", "Ain", "Iraqi"). */
const NAME_TOKEN = /[A-Z][\p{L}'’.-]*|\b[a-z]+\b/gu;

/** What governments and nations do in headlines. */
const ACTOR_VERB = /^(?:to )?(?:says?|said|warns?|urges?|accuses?|rejects?|denies|denied|demands?|calls?|vows?|threatens?|condemns?|agrees?|backs?|seeks?|offers?|protests?|welcomes?|tells?|asks?|signs?|expels?|summons?|blames?|refuses?|insists?|pledges?|wants?|slams?|criticizes?|criticises?|considers?|mulls?|halts?|suspends?|bars?|bans?|frees?|releases?|arrests?|hands? over|hits? back|reaffirms?|confirms?|announces?|approves?|proposes?|pushes?|presses?|moves? to)\b/;

export interface PlaceResult {
  places: Place[];
  reasons: string[];
}

export class PlaceFinder {
  private readonly gazetteer: Gazetteer;
  private readonly maxWords: number;

  constructor(gazetteer: Gazetteer = buildGazetteer()) {
    this.gazetteer = gazetteer;
    this.maxWords = longestKey(gazetteer);
  }

  /**
   * A country, its capital or its people acting in a headline ("Seoul says…", "Iran rejects…",
   * "Russians protest…"): the way news writes about governments and nations, whatever the subject.
   */
  actor(headline: string): string | undefined {
    for (const { entry, phrase, following } of this.mentions(headline)) {
      // Other cities and states are more often a team ("Houston signs…") than a government.
      if (entry.kind === 'city' || entry.kind === 'region') continue;
      if (ACTOR_VERB.test(following.join(' ').toLowerCase())) return `${phrase} ${following[0]}`;
    }
    return undefined;
  }

  /**
   * Ranks places by mentions, headline and dateline counting double; at most `limit`.
   *
   * @example new PlaceFinder().find('Iran fires missiles at Iraqi base', '').places.map(p => p.countryCode) // ['IR', 'IQ']
   */
  find(headline: string, body: string, dateline?: string, limit = 6): PlaceResult {
    const weights = new Map<string, { weight: number; first: number; name: string }>();
    const cities = new Set<string>();
    const count = (text: string, weight: number, offset: number) => {
      for (const { entry, at } of this.mentions(text)) {
        const seen = weights.get(entry.countryCode);
        weights.set(entry.countryCode, {
          weight: (seen?.weight ?? 0) + weight,
          first: Math.min(seen?.first ?? Infinity, offset + at),
          name: entry.country,
        });
        if (entry.city) cities.add(`${entry.city} (${entry.countryCode})`);
      }
    };
    count(headline, 2, 0);
    count(body, 1, headline.length + 1);
    if (dateline) count(dateline, 2, 0);
    const ranked = [...weights.entries()]
      .sort((a, b) => b[1].weight - a[1].weight || a[1].first - b[1].first)
      .slice(0, limit);
    const places = ranked.map(([countryCode, { name }]) => ({ name, countryCode }));
    const reasons = places.length
      ? [`places: ${places.map((p) => p.name).join(', ')}${cities.size ? ` (cities: ${[...cities].slice(0, 4).join(', ')})` : ''}`]
      : [];
    return { places, reasons };
  }

  /** Each place named in `text`, the longest name first: its entry, the words naming it, where, and the two words after. */
  private *mentions(text: string) {
    const tokens = [...text.matchAll(NAME_TOKEN)].map((m) => ({ word: m[0].replace(/['’]s$/, ''), at: m.index }));
    for (let i = 0; i < tokens.length; i++) {
      if (!/^[A-Z]/.test(tokens[i]!.word)) continue;
      for (let n = Math.min(this.maxWords, tokens.length - i); n >= 1; n--) {
        const phrase = tokens.slice(i, i + n).map((t) => t.word).join(' ');
        // "U.S." keeps its dots; "Iraq." at a sentence end loses its full stop.
        const entry = this.gazetteer.get(phrase) ?? this.gazetteer.get(phrase.replace(/[.’']+$/, ''));
        if (!entry) continue;
        yield { entry, phrase, at: tokens[i]!.at, following: tokens.slice(i + n, i + n + 2).map((t) => t.word) };
        i += n - 1;
        break;
      }
    }
  }
}
