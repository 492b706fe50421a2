/** `GET /health`: no auth, no dependencies; answers while the process can answer. */
import type { App } from '../wiring/app.js';
import { json } from './http.js';
import { httpApi } from './router.js';

export function healthApi(app: Pick<App, 'logger'>) {
  return httpApi(app.logger, [{ method: 'GET', path: '/health', handler: async () => json(200, { status: 'ok' }) }]);
}
