/**
 * Writes functions/api/openapi.json from the request schemas (functions/api/openapi.ts), so
 * the Lambdas serve a file instead of carrying every schema and the JSON Schema generator.
 * Run `npm run openapi` after changing a schema; a test fails when the file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openApiDocument } from '../functions/api/openapi.js';

export const OPENAPI_PATH = fileURLToPath(new URL('../functions/api/openapi.json', import.meta.url));

/** The document as deployed: webhooks must be https there (local runs also take http). */
export function renderOpenApi(): string {
  return `${JSON.stringify(openApiDocument({ allowHttpWebhooks: false }), null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(OPENAPI_PATH, renderOpenApi());
  console.log(`wrote ${OPENAPI_PATH}`);
}
