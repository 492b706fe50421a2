/** Tokens for matching: lower-cased words reduced by a light suffix stemmer, so "missiles" meets "missile". */

const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

/**
 * A deliberately light stemmer: plural and verb endings only. Heavier stemmers (Porter)
 * merge words that news keeps apart ("policy"/"police", "general"/"generate").
 */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/, '').replace(/['’.]/g, '');
  if (UNCHANGED.has(w)) return w;
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 5 && w.endsWith('ing')) w = undouble(w.slice(0, -3));
  else if (w.length > 4 && w.endsWith('ed') && !w.endsWith('eed')) w = undouble(w.slice(0, -2));
  else if (w.length > 3 && w.endsWith('es') && /(ss|sh|ch|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is|ous)$/.test(w)) w = w.slice(0, -1);
  // "bombing"/"bombed" → "bomb"; "firing"/"fired" → "fir" matches "fire" → "fir".
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** Words whose ending is not an inflection. */
const UNCHANGED = new Set(['news', 'species', 'series', 'us', 'bus', 'gas', 'this', 'its', 'has', 'was', 'during', 'bring', 'king', 'thing', 'ring', 'wing', 'sing', 'spring', 'string', 'swing', 'sting', 'red', 'bed', 'shed', 'need', 'speed', 'feed', 'seed']);

/** "runn" → "run", "stopp" → "stop"; "fall" and "pass" keep their pair. */
function undouble(w: string): string {
  return w.length > 3 && /([^aeiouls])\1$/.test(w) ? w.slice(0, -1) : w;
}

export interface Token {
  /** The word as written. */
  raw: string;
  stem: string;
  /** Offset in the source text. */
  at: number;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    tokens.push({ raw: match[0], stem: stem(match[0]), at: match.index });
  }
  return tokens;
}

/** The stemmed key of a lexicon phrase, as `tokenize` would produce it from text. */
export function phraseKey(phrase: string): string {
  return tokenize(phrase)
    .map((t) => t.stem)
    .join(' ');
}
