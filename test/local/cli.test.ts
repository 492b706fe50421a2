/** `newsalert classify` prints exactly what the service computes; `keys create` stores a working key. */
import { Readable } from 'node:stream';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../functions/local/cli.js';
import { startLocal, type LocalRuntime } from '../../functions/local/local-app.js';
import { hashKey } from '../../functions/api/auth.js';
import { call } from '../helpers/http.js';
import { SEED_PATH, seedArticle } from '../helpers/seed.js';

async function cli(args: string[], stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { stdin: Readable.from([stdin]), out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

let local: LocalRuntime;
beforeAll(async () => {
  local = await startLocal({ logLevel: 'SILENT' });
});
afterAll(async () => local?.close());

describe('newsalert classify', () => {
  it('prints the classification the service stores, for the same article', async () => {
    const article = seedArticle({ id: 'cli-seed' });
    const posted = await call(local.url, 'POST', '/v1/articles', { key: local.keys.editor, body: article });
    const { code, out } = await cli(['classify', '-'], JSON.stringify(article));
    expect(code).toBe(0);
    expect(out).toHaveLength(1);
    expect(JSON.parse(out[0]!)).toEqual({ id: 'cli-seed', ...posted.json.classification });
  });

  it('reads JSON Lines (ignoring gold), plain text files, and reports bad lines without stopping', async () => {
    const lines = [
      JSON.stringify({ id: 'x1', headline: 'Stocks fall as oil prices climb', body: 'Shares slid on Wall Street.', gold: { agClass: 'Business' } }),
      'not json at all',
      JSON.stringify({ id: 'x2', title: 'Quake kills 12', description: 'A strong earthquake struck.' }),
      JSON.stringify({ id: 'x3', body: 'no headline here' }),
    ].join('\n');
    const { code, out, err } = await cli(['classify', '-'], lines);
    expect(code).toBe(1);
    expect(out.map((l) => JSON.parse(l).id)).toEqual(['x1', 'x2']);
    expect(JSON.parse(out[0]!).topics[0].code).toBe('medtop:04000000');
    expect(err).toEqual(['newsalert: stdin:2: not valid JSON', 'newsalert: stdin:4: no "headline"']);

    const file = await cli(['classify', SEED_PATH]);
    expect(file.code).toBe(0);
    expect(JSON.parse(file.out[0]!)).toMatchObject({ wire: expect.stringMatching(/flash|bulletin/), topics: [{ code: 'medtop:16000000' }, expect.anything(), expect.anything()] });
  });

  it('fails with one clear line on a missing file or a missing argument', async () => {
    expect(await cli(['classify', '/no/such/file'])).toEqual({ code: 1, out: [], err: ['newsalert: cannot read /no/such/file: ENOENT'] });
    const missing = await cli(['classify']);
    expect(missing.code).toBe(1);
    expect(missing.err.join('\n')).toMatch(/missing required argument 'files'/);
  });

  it('runs as `npx newsalert` under Node 24 and explains itself', async () => {
    const bin = fileURLToPath(new URL('../../bin/newsalert.js', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, [bin, 'classify', '--help']);
    expect(stdout).toMatch(/JSON Lines/);
    expect(stdout).toMatch(/npx newsalert classify - < articles.jsonl/);
  });
});

describe('newsalert keys create', () => {
  it('stores the hash of a new key that then opens the API', async () => {
    const { code, out } = await cli(['keys', 'create', '--role', 'app', '--table', 'newsalert', '--endpoint', local.dynamoEndpoint]);
    expect(code).toBe(0);
    expect(out[0]).toMatch(/^na_app_/);
    expect(await local.app.store.findApiKey(hashKey(out[0]!))).toMatchObject({ role: 'app', label: 'cli' });
    const response = await call(local.url, 'GET', '/v1/subscriptions/sub_none', { key: out[0]! });
    expect(response.status).toBe(404);
    const badRole = await cli(['keys', 'create', '--role', 'root', '--table', 'newsalert']);
    expect(badRole.code).toBe(1);
    expect(badRole.err.join('\n')).toMatch(/Allowed choices are viewer, editor, admin, app/);
  });
});
