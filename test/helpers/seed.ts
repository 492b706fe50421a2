/** The seed story from ../shared/fixtures, read where CI and developers keep it. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SEED_PATH = fileURLToPath(new URL('../../../shared/fixtures/ain-assad.txt', import.meta.url));

export function seedText(): string {
  return readFileSync(SEED_PATH, 'utf8');
}

/** The seed posted as a CMS would: a headline of our own, the scraped text as the body, noise and all. */
export function seedArticle(overrides: Record<string, unknown> = {}) {
  return {
    id: 'ain-assad-2020',
    headline: 'Iran fires missiles at Iraqi air base housing US troops',
    body: seedText(),
    url: 'https://news.example.com/world/ain-assad',
    source: 'wire',
    ...overrides,
  };
}
