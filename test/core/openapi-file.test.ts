import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OPENAPI_PATH, renderOpenApi } from '../../scripts/build-openapi.js';

describe('functions/api/openapi.json', () => {
  it('is what `npm run openapi` makes from the current request schemas', () => {
    expect(readFileSync(OPENAPI_PATH, 'utf8')).toBe(renderOpenApi());
  });
});
