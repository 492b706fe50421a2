/** Classification throughput on one core, and the classifier's load time in a fresh process. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import { prepareArticle } from '../functions/core/article.js';
import { EmbeddedClassifier } from '../functions/core/classify/embedded-classifier.js';
import { agItems, seedArticle } from './corpus.js';

export function classificationThroughput(): { agPerSecond: number; seedPerSecond: number } {
  const classifier = new EmbeddedClassifier();
  const ag = agItems().map((item) => prepareArticle(item).article);
  const seed = prepareArticle(seedArticle()).article;
  const rate = (articles: Array<typeof seed>, minMs: number) => {
    for (const a of articles.slice(0, 200)) classifier.classify(a);
    let done = 0;
    const start = performance.now();
    while (performance.now() - start < minMs) for (const a of articles) { classifier.classify(a); done++; }
    return done / ((performance.now() - start) / 1000);
  };
  return { agPerSecond: rate(ag, 1_000), seedPerSecond: rate(Array.from({ length: 50 }, () => seed), 1_000) };
}

/**
 * Milliseconds to import the classifier and build it in a fresh Node process, as a Lambda
 * loads it: bundled and minified by esbuild, as `NodejsFunction` does. (Through tsx the
 * figure would mostly time tsx compiling TypeScript, which no deployment pays.)
 */
export function classifierLoadMs(): number {
  const dir = mkdtempSync(join(tmpdir(), 'newsalert-classifier-'));
  const bundle = join(dir, 'classifier.mjs');
  buildSync({
    entryPoints: [fileURLToPath(new URL('../functions/core/classify/embedded-classifier.ts', import.meta.url))],
    bundle: true, minify: true, format: 'esm', platform: 'node', target: 'node24', outfile: bundle, logLevel: 'silent',
  });
  const script = `const t=performance.now(); const m=await import(${JSON.stringify(pathToFileURL(bundle).href)}); new m.EmbeddedClassifier(); console.log(performance.now()-t);`;
  try {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    return Number(out.trim());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
