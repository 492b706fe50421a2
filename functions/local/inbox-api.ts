/** `GET /local/deliveries`: what the local notifier delivered, newest last. Local runs only; editor key. */
import middy from '@middy/core';
import type { LocalNotifier } from '../adapters/local-notifier.js';
import { withRoles } from '../api/auth.js';
import { httpErrors } from '../api/http-errors.js';
import { json, type HttpEvent, type HttpResult } from '../api/http.js';
import { router } from '../api/router.js';
import type { App } from '../wiring/app.js';

export function inboxApi(app: App, notifier: LocalNotifier) {
  return middy<HttpEvent, HttpResult>()
    .use(httpErrors(app.logger))
    .handler(
      router([
        {
          method: 'GET',
          path: '/local/deliveries',
          handler: withRoles<HttpEvent, HttpResult>(app.auth, ['viewer', 'editor', 'admin'])(async (event) => {
            const alertId = event.queryStringParameters?.alertId;
            const items = alertId ? notifier.deliveries.filter((d) => d.alertId === alertId) : notifier.deliveries;
            return json(200, { items });
          }),
        },
      ]),
    );
}
