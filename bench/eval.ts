/**
 * `npm run eval -- FILE.jsonl…`: measures the classifier against labelled news
 * (format in ../shared/eval/README.md): topic accuracy with per-class precision, recall
 * and F1 and a confusion table; urgency on the wire ladder with breaking precision and
 * recall and the full confusion; throughput.
 */
import { readFileSync } from 'node:fs';
import { prepareArticle } from '../functions/core/article.js';
import { articleFromJson } from '../functions/core/article-text.js';
import { EmbeddedClassifier } from '../functions/core/classify/embedded-classifier.js';
import { TOP_LEVEL_TOPICS } from '../functions/core/classify/media-topics.js';
import type { Classification, Wire } from '../functions/core/types.js';

interface Gold {
  agClass?: string;
  topics?: string[];
  wire?: Wire;
  urgency?: number;
}

const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const verbose = process.argv.includes('--errors');
if (files.length === 0) {
  console.error('usage: npm run eval -- FILE.jsonl [FILE.jsonl…] [--errors]');
  process.exit(2);
}

const pct = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '  -  ');
const pad = (s: string | number, n: number) => String(s).padStart(n);

for (const file of files) {
  const items: Array<{ input: ReturnType<typeof prepareArticle>; gold: Gold; headline: string }> = [];
  for (const [i, line] of readFileSync(file, 'utf8').split('\n').entries()) {
    if (!line.trim()) continue;
    const value = JSON.parse(line) as { gold?: Gold };
    const input = articleFromJson(value);
    if (typeof input === 'string') throw new Error(`${file}:${i + 1}: ${input}`);
    items.push({ input: prepareArticle(input), gold: value.gold ?? {}, headline: input.headline });
  }
  const loadStart = performance.now();
  const classifier = new EmbeddedClassifier();
  const loadMs = performance.now() - loadStart;
  const results: Classification[] = [];
  const start = performance.now();
  for (const item of items) results.push(classifier.classify(item.input.article));
  const seconds = (performance.now() - start) / 1000;

  console.log(`\n# ${file}: ${items.length} items`);
  console.log(`throughput: ${Math.round(items.length / seconds)} items/s (one core, one pass); classifier load ${loadMs.toFixed(1)} ms`);

  // Topics: a prediction is right when its top topic is in the gold set.
  const withTopics = items.map((item, i) => ({ item, result: results[i]! })).filter(({ item }) => item.gold.topics?.length);
  if (withTopics.length > 0) {
    const classes = [...new Set(withTopics.map(({ item }) => item.gold.agClass ?? '?'))].sort();
    const classOfCode = new Map<string, string>();
    for (const { item } of withTopics) for (const code of item.gold.topics ?? []) classOfCode.set(code, item.gold.agClass ?? '?');
    const predictedClass = (code: string) => classOfCode.get(code) ?? `other`;
    const confusion = new Map<string, Map<string, number>>();
    let right = 0;
    for (const { item, result } of withTopics) {
      const top = result.topics[0]?.code ?? '';
      const ok = item.gold.topics!.includes(top);
      if (ok) right++;
      else if (verbose) console.log(`  topic ✗ [${item.gold.agClass}] got ${TOP_LEVEL_TOPICS[top as keyof typeof TOP_LEVEL_TOPICS] ?? top}: ${item.headline}`);
      const row = confusion.get(item.gold.agClass ?? '?') ?? new Map<string, number>();
      const col = ok ? (item.gold.agClass ?? '?') : predictedClass(top);
      row.set(col, (row.get(col) ?? 0) + 1);
      confusion.set(item.gold.agClass ?? '?', row);
    }
    console.log(`\ntopic accuracy: ${pct(right / withTopics.length)} (${right}/${withTopics.length})`);
    console.log(`\n${'class'.padEnd(10)} precision  recall     F1  support`);
    for (const cls of classes) {
      const tp = confusion.get(cls)?.get(cls) ?? 0;
      const support = [...(confusion.get(cls)?.values() ?? [])].reduce((a, b) => a + b, 0);
      const predicted = [...confusion.values()].reduce((sum, row) => sum + (row.get(cls) ?? 0), 0);
      const p = tp / predicted;
      const r = tp / support;
      console.log(`${cls.padEnd(10)} ${pad(pct(p), 9)} ${pad(pct(r), 7)} ${pad(pct((2 * p * r) / (p + r)), 6)} ${pad(support, 8)}`);
    }
    const cols = [...classes, 'other'];
    console.log(`\nconfusion (rows gold, columns predicted):\n${'gold'.padEnd(10)}${cols.map((c) => pad(c, 9)).join('')}`);
    for (const cls of classes) console.log(`${cls.padEnd(10)}${cols.map((c) => pad(confusion.get(cls)?.get(c) ?? 0, 9)).join('')}`);
  }

  // Urgency on the wire ladder.
  const withWire = items.map((item, i) => ({ item, result: results[i]! })).filter(({ item }) => item.gold.wire);
  if (withWire.length > 0) {
    const ladder: Wire[] = ['flash', 'bulletin', 'urgent', 'routine'];
    const breaking = (w: Wire) => w === 'flash' || w === 'bulletin';
    let tp = 0, fp = 0, fn = 0, routineAsFlash = 0, exact = 0;
    const matrix = ladder.map(() => ladder.map(() => 0));
    for (const { item, result } of withWire) {
      const gold = item.gold.wire!;
      matrix[ladder.indexOf(gold)]![ladder.indexOf(result.wire)]!++;
      if (gold === result.wire) exact++;
      if (breaking(gold) && breaking(result.wire)) tp++;
      else if (breaking(result.wire)) fp++;
      else if (breaking(gold)) fn++;
      if (gold === 'routine' && result.wire === 'flash') routineAsFlash++;
      if (verbose && gold !== result.wire) console.log(`  wire ✗ gold ${gold} got ${result.wire}: ${item.headline} — ${result.reasons[0]}`);
    }
    console.log(`\nurgency: breaking (flash+bulletin) precision ${pct(tp / (tp + fp))}, recall ${pct(tp / (tp + fn))} (tp ${tp}, fp ${fp}, fn ${fn})`);
    console.log(`wire exact agreement ${pct(exact / withWire.length)}; routine items called flash: ${routineAsFlash}`);
    console.log(`\nconfusion (rows gold, columns predicted):\n${'gold'.padEnd(10)}${ladder.map((w) => pad(w, 10)).join('')}`);
    for (const [i, w] of ladder.entries()) console.log(`${w.padEnd(10)}${matrix[i]!.map((n) => pad(n, 10)).join('')}`);
  }
}
