/** The app backends' API: register, read and remove subscribers. Every route needs an app key. */
import type { Subscriber } from '../core/types.js';
import type { App } from '../wiring/app.js';
import { withRoles } from './auth.js';
import { json, noContent, pathParam, readJson, type HttpEvent, type HttpResult } from './http.js';
import { httpApi } from './router.js';
import { confirmSchema, inboundSmsSchema, preferencesSchema, subscriptionSchema } from './subscription-schema.js';
import * as z from 'zod/mini';
import { parse } from './validate.js';

/** A subscription as the API shows it: never its webhook secret (that is shown once, at creation). */
export function subscriptionView(subscriber: Subscriber) {
  const { endpoint } = subscriber;
  const shown = endpoint.channel === 'webhook' ? { channel: endpoint.channel, url: endpoint.url, delivery: webhookDelivery(subscriber) } : endpoint;
  return {
    id: subscriber.id,
    ...shown,
    status: subscriber.status,
    preferences: subscriber.preferences,
    segment: subscriber.segmentKey,
    createdAt: subscriber.createdAt,
    ...(subscriber.confirmedAt && { confirmedAt: subscriber.confirmedAt }),
    ...(subscriber.stoppedAt && { stoppedAt: subscriber.stoppedAt }),
  };
}

function webhookDelivery(subscriber: Subscriber) {
  const health = subscriber.webhook;
  return {
    state: health?.disabledAt ? 'disabled' : 'enabled',
    consecutiveFailures: health?.consecutiveFailures ?? 0,
    ...(health?.lastError && { lastError: health.lastError, lastFailureAt: health.lastFailureAt }),
    ...(health?.disabledAt && { disabledAt: health.disabledAt }),
  };
}

export function subscriptionsApi(app: App) {
  const schema = subscriptionSchema({ allowHttpWebhooks: app.config.allowHttpWebhooks });
  const appKey = withRoles<HttpEvent, HttpResult>(app.auth, ['app']);

  return httpApi(app.logger, [
    {
      method: 'POST',
      path: '/v1/subscriptions',
      handler: appKey(async (event) => {
        const { preferences, ...endpoint } = parse(schema, readJson(event), 'subscription');
        const subscriber = await app.subscriptions.subscribe(endpoint, preferences);
        const secret = subscriber.endpoint.channel === 'webhook' ? { secret: subscriber.endpoint.secret } : {};
        return json(201, { ...subscriptionView(subscriber), ...secret });
      }),
    },
    {
      method: 'PATCH',
      path: '/v1/subscriptions/{id}',
      handler: appKey(async (event) => {
        const { preferences } = parse(z.strictObject({ preferences: preferencesSchema }), readJson(event), 'preferences change');
        return json(200, subscriptionView(await app.subscriptions.changePreferences(pathParam(event, 'id'), preferences)));
      }),
    },
    {
      method: 'POST',
      path: '/v1/subscriptions/{id}/confirm',
      handler: appKey(async (event) => {
        const { code } = parse(confirmSchema, readJson(event), 'confirmation');
        return json(200, subscriptionView(await app.subscriptions.confirm(pathParam(event, 'id'), code)));
      }),
    },
    {
      method: 'POST',
      path: '/v1/subscriptions/{id}/enable',
      handler: appKey(async (event) => json(200, subscriptionView(await app.subscriptions.enableWebhook(pathParam(event, 'id'))))),
    },
    {
      method: 'POST',
      path: '/v1/sms/inbound',
      handler: appKey(async (event) => {
        const { from, text } = parse(inboundSmsSchema, readJson(event), 'inbound SMS');
        return json(200, await app.subscriptions.inboundSms(from, text));
      }),
    },
    {
      method: 'GET',
      path: '/v1/subscriptions/{id}',
      handler: appKey(async (event) => json(200, subscriptionView(await app.subscriptions.get(pathParam(event, 'id'))))),
    },
    {
      method: 'DELETE',
      path: '/v1/subscriptions/{id}',
      handler: appKey(async (event) => {
        await app.subscriptions.unsubscribe(pathParam(event, 'id'));
        return noContent();
      }),
    },
  ]);
}
