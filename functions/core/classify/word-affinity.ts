/**
 * Topic evidence from every word of a story, not only the lexicon's: each of the 50,000
 * commonest words of news English carries a precomputed closeness to each top-level topic
 * (scripts/build-topic-affinity.ts explains how it is measured). "Symantec", "antiphishing"
 * or "handsets" are in no hand-written list, yet they plainly lean to technology.
 */
import type { Token } from './text.js';
import TOPIC_AFFINITY from './topic-affinity.data.json' with { type: 'json' };

export interface AffinityTable {
  /** Which seed words the table was built from (checked against the lexicon by a test). */
  seedDigest: string;
  topics: string[];
  /** A stored value times `scale` gives the lean. */
  scale: number;
  /** Space-separated, in the classifier's token form (lower case). */
  words: string;
  /** Base64 of bytes: for each word, LEANS pairs (topic index or NO_TOPIC, value 0–255), strongest first. */
  leans: string;
}

/** Topics kept per word: the few it leans to most. */
export const LEANS = 3;
export const NO_TOPIC = 255;

/**
 * How much a story's summed leans count against the lexicon's weights. Topic accuracy on
 * labelled news moves by less than a point for any weight from 2 to 6; much less, and the
 * lexicon alone decides; much more, and vague words outvote the lexicon's precise ones.
 */
const WEIGHT = 3;
/** Words named in a topic's reason. */
const NAMED = 3;
/**
 * The least lean (of 255) worth naming: a tenth of the words lean this little even to their
 * strongest topic ("near" leans 9 to disasters), and naming them would explain nothing.
 */
const NOTABLE_LEAN = 32;

export interface AffinityEvidence {
  code: string;
  weight: number;
  term: string;
}

export class WordAffinity {
  private readonly words: PackedWords;
  private readonly leans: Uint8Array;
  private readonly topics: string[];
  private readonly scale: number;

  constructor(table: AffinityTable = TOPIC_AFFINITY) {
    this.topics = table.topics;
    this.scale = table.scale * WEIGHT;
    this.leans = Buffer.from(table.leans, 'base64');
    this.words = new PackedWords(table.words);
  }

  /**
   * One piece of evidence per topic the story's words lean to, naming the words that lean
   * most. `worthNaming` leaves out words the reason names anyway (the lexicon's own), unless
   * no other word leans notably to that topic.
   */
  evidence(tokens: Token[], worthNaming: (token: Token) => boolean = () => true): AffinityEvidence[] {
    const sums = new Float64Array(this.topics.length);
    const known = new Set<number>();
    const nameable = new Set<number>();
    for (const token of tokens) {
      const row = this.words.row(token.raw.toLowerCase());
      if (row < 0) continue;
      known.add(row);
      if (worthNaming(token)) nameable.add(row);
      for (let k = 0, at = row * LEANS * 2; k < LEANS && this.leans[at]! !== NO_TOPIC; k++, at += 2) sums[this.leans[at]!]! += this.leans[at + 1]!;
    }
    const preferred = this.strongest(nameable, NOTABLE_LEAN);
    let any: ReturnType<typeof this.strongest> | undefined;
    const evidence: AffinityEvidence[] = [];
    sums.forEach((sum, topic) => {
      if (sum <= 0) return;
      const named = preferred[topic]!.length > 0 ? preferred[topic]! : (any ??= this.strongest(known, 0))[topic]!;
      evidence.push({ code: this.topics[topic]!, weight: sum * this.scale, term: `related words: ${named.map((n) => this.words.word(n.row)).join(', ')}` });
    });
    return evidence;
  }

  /** For each topic, the NAMED words among `rows` that lean to it most, and at least `least` (ties: the commoner word first). */
  private strongest(rows: Set<number>, least: number): Array<Array<{ row: number; lean: number }>> {
    const named = this.topics.map(() => [] as Array<{ row: number; lean: number }>);
    for (const row of rows) {
      for (let k = 0, at = row * LEANS * 2; k < LEANS && this.leans[at]! !== NO_TOPIC; k++, at += 2) {
        if (this.leans[at + 1]! < least) continue;
        const list = named[this.leans[at]!]!;
        const entry = { row, lean: this.leans[at + 1]! };
        let i = list.length;
        while (i > 0 && (list[i - 1]!.lean < entry.lean || (list[i - 1]!.lean === entry.lean && list[i - 1]!.row > row))) i--;
        if (i < NAMED) list.splice(i, 0, entry);
        if (list.length > NAMED) list.pop();
      }
    }
    return named;
  }
}

/**
 * Word → row over the one space-separated string, by open addressing, so that loading makes
 * no string per word. In a fresh process a Map of the 50,000 words took 11–12 ms to build;
 * this table takes 6–10 ms, and classifying is a little faster with it (8,800 against
 * 8,400 items/s).
 */
export class PackedWords {
  private readonly starts: Uint32Array;
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(private readonly packed: string) {
    let count = packed === '' ? 0 : 1;
    for (let at = packed.indexOf(' '); at >= 0; at = packed.indexOf(' ', at + 1)) count++;
    // starts[count] is where a word after the last would begin, so every word's length is starts[i + 1] - starts[i] - 1.
    this.starts = new Uint32Array(count + 1);
    for (let i = 1, at = 0; i <= count; i++) {
      at = packed.indexOf(' ', at);
      at = at < 0 ? packed.length : at;
      this.starts[i] = ++at;
    }
    let size = 1;
    while (size < count * 2) size <<= 1;
    this.mask = size - 1;
    this.slots = new Int32Array(size).fill(-1);
    for (let row = 0; row < count; row++) {
      let slot = hash(packed, this.starts[row]!, this.starts[row + 1]! - 1) & this.mask;
      while (this.slots[slot]! >= 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = row;
    }
  }

  /** The word's row, or -1. */
  row(word: string): number {
    for (let slot = hash(word, 0, word.length) & this.mask; ; slot = (slot + 1) & this.mask) {
      const row = this.slots[slot]!;
      if (row < 0) return -1;
      const start = this.starts[row]!;
      if (this.starts[row + 1]! - 1 - start === word.length && this.packed.startsWith(word, start)) return row;
    }
  }

  word(row: number): string {
    return this.packed.slice(this.starts[row]!, this.starts[row + 1]! - 1);
  }
}

/** FNV-1a over UTF-16 code units. */
function hash(text: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
