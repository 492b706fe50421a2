import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DATA_PATH, renderCountriesData } from '../../scripts/build-gazetteer.js';

describe('countries.data.ts', () => {
  it('is what `npm run gazetteer` makes from the installed world-countries package', () => {
    expect(readFileSync(DATA_PATH, 'utf8')).toBe(renderCountriesData());
  });
});
