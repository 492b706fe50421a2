/**
 * Articles for benchmarks: real news of realistic length read at run time from
 * ../shared/eval (never copied into the repo), plus seed-length stories.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SHARED = fileURLToPath(new URL('../../shared/', import.meta.url));

export interface BenchArticle {
  headline: string;
  body: string;
}

function need(path: string): string {
  if (!existsSync(path)) {
    console.error(`newsalert bench: ${path} is missing; the benchmarks read ../shared beside the checkout`);
    process.exit(2);
  }
  return readFileSync(path, 'utf8');
}

/** AG News items: one-sentence leads, the length of a wire headline plus summary. */
export function agItems(): BenchArticle[] {
  return need(`${SHARED}eval/agnews-dev.jsonl`)
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const { headline, body } = JSON.parse(line) as BenchArticle;
      return { headline, body };
    });
}

/** The seed: a full scraped wire story (≈2 KB). */
export function seedArticle(): BenchArticle {
  return { headline: 'Iran fires missiles at Iraqi air base housing US troops', body: need(`${SHARED}fixtures/ain-assad.txt`) };
}

/** The mix editors post: nine short items to one full story. */
export function articleMix(count: number): BenchArticle[] {
  const ag = agItems();
  const seed = seedArticle();
  return Array.from({ length: count }, (_, i) => (i % 10 === 9 ? seed : ag[i % ag.length]!));
}
