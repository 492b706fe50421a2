/** `GET /health`: no auth, no dependencies; answers while the process can answer. */
import middy from '@middy/core';
import type { App } from '../wiring/app.js';
import { httpErrors } from './http-errors.js';
import { json, type HttpEvent, type HttpResult } from './http.js';
import { router } from './router.js';

export function healthApi(app: Pick<App, 'logger'>) {
  return middy<HttpEvent, HttpResult>()
    .use(httpErrors(app.logger))
    .handler(router([{ method: 'GET', path: '/health', handler: async () => json(200, { status: 'ok' }) }]));
}
