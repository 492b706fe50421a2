/**
 * Serves the editors' desk (the static files in `console/`) at /console, as CloudFront
 * serves them on AWS. Its config.json names no API URL, so the desk talks to this same origin.
 */
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { consoleHeaders } from '../api/console-policy.js';
import type { HttpEvent, HttpResult } from '../api/http.js';

export const CONSOLE_ROOT = fileURLToPath(new URL('../../console/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

const notFound = (): HttpResult => ({ statusCode: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'not found' });

export function consoleSite(prefix = '/console', root = CONSOLE_ROOT) {
  const base = resolve(root);
  return async (event: HttpEvent): Promise<HttpResult> => {
    const method = event.requestContext.http.method;
    if (method !== 'GET' && method !== 'HEAD') return { statusCode: 405, headers: { allow: 'GET, HEAD' }, body: '' };
    const path = event.rawPath;
    if (path === prefix) return { statusCode: 308, headers: { location: `${prefix}/` }, body: '' };
    let relative: string;
    try {
      relative = decodeURIComponent(path.slice(prefix.length + 1)) || 'index.html';
    } catch {
      return notFound();
    }
    if (relative === 'config.json') {
      return { statusCode: 200, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache', ...consoleHeaders() }, body: JSON.stringify({ apiUrl: '' }) };
    }
    const file = resolve(base, relative);
    const type = TYPES[extname(file)];
    if (!file.startsWith(`${base}${sep}`) || !type || relative.split('/').some((part) => part.startsWith('.'))) return notFound();
    try {
      const body = await readFile(file);
      return {
        statusCode: 200,
        headers: { 'content-type': type, 'cache-control': 'no-cache', ...consoleHeaders() },
        body: method === 'HEAD' ? '' : body.toString('base64'),
        isBase64Encoded: true,
      };
    } catch {
      return notFound();
    }
  };
}
