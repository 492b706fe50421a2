/** The desk's files as the local server serves them: security headers, its own config, and nothing outside console/. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocal, type LocalRuntime } from '../../functions/local/local-app.js';
import { call } from '../helpers/http.js';

let local: LocalRuntime;
beforeAll(async () => {
  local = await startLocal({ logLevel: 'SILENT' });
});
afterAll(async () => local?.close());

describe('the desk at /console', () => {
  it('serves the page and its modules with a strict content security policy', async () => {
    const page = await call(local.url, 'GET', '/console/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.text).toContain('<script type="module" src="app.js"></script>');
    expect(page.headers.get('content-security-policy')).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const script = await call(local.url, 'GET', '/console/views/wire.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.text).toContain('export function wireView');
    expect((await call(local.url, 'GET', '/console/config.json')).json).toEqual({ apiUrl: '' });
  });

  it('redirects the bare path, and serves nothing else: no traversal, no dotfiles, no tsconfig, no writes', async () => {
    const bare = await fetch(`${local.url}/console`, { redirect: 'manual' });
    expect(bare.status).toBe(308);
    expect(bare.headers.get('location')).toBe('/console/');
    for (const path of ['/console/%2e%2e/package.json', '/console/..%2fbin%2fnewsalert.js', '/console/..%2f..%2fmain%2fbin%2fnewsalert.js', '/console/tsconfig.json', '/console/.hidden.js', '/console/nope.js', '/console/%E0%A4%A.js']) {
      expect((await call(local.url, 'GET', path)).status, path).toBe(404);
    }
    expect((await call(local.url, 'POST', '/console/', { body: {} })).status).toBe(405);
  });
});
