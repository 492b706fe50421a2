/** `GET /local/deliveries`: what the local notifier delivered, oldest first. Local runs only; viewer, editor or admin key. */
import type { LocalNotifier } from '../adapters/local-notifier.js';
import { withRoles } from '../api/auth.js';
import { json, type HttpEvent, type HttpResult } from '../api/http.js';
import { httpApi } from '../api/router.js';
import type { App } from '../wiring/app.js';

export function inboxApi(app: App, notifier: LocalNotifier) {
  return httpApi(app.logger, [
    {
      method: 'GET',
      path: '/local/deliveries',
      handler: withRoles<HttpEvent, HttpResult>(app.auth, ['viewer', 'editor', 'admin'])(async (event) => {
        const alertId = event.queryStringParameters?.alertId;
        const items = alertId ? notifier.deliveries.filter((d) => d.alertId === alertId) : notifier.deliveries;
        return json(200, { items });
      }),
    },
  ]);
}
