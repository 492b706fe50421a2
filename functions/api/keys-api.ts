/**
 * Key management, for admin keys only: create a key for a role (shown once), list keys
 * (never the keys themselves), revoke one (refused from the next request on).
 */
import { randomBytes } from 'node:crypto';
import * as z from 'zod/mini';
import { NotFoundError } from '../core/errors.js';
import type { App } from '../wiring/app.js';
import { bearerKeyRecord, generateKey, hashKey, keyId, withRoles } from './auth.js';
import { json, noContent, pathParam, readJson, type HttpEvent, type HttpResult } from './http.js';
import type { ApiRoute } from './router.js';
import { parse } from './validate.js';

export const newKeySchema = z.strictObject({
  role: z.enum(['viewer', 'editor', 'admin', 'app']),
  label: z.string().check(z.trim(), z.minLength(1, 'label is required'), z.maxLength(100)),
  /** "bearer" (default): an Authorization key; "signing": an HMAC secret a CMS signs bodies with. */
  kind: z.optional(z.enum(['bearer', 'signing'])),
});

export function keyRoutes(app: App): ApiRoute[] {
  const admin = withRoles<HttpEvent, HttpResult>(app.auth, ['admin']);
  return [
    {
      method: 'POST',
      path: '/v1/keys',
      handler: admin(async (event, actor) => {
        const input = parse(newKeySchema, readJson(event), 'key');
        const now = app.now();
        if (input.kind === 'signing') {
          const secret = randomBytes(32).toString('base64url');
          const id = keyId(hashKey(secret));
          await app.store.putApiKey(id, { id, role: input.role, label: input.label, createdAt: now.toISOString(), secret });
          app.logger.info('signing key created', { id, role: input.role, by: actor });
          return json(201, { id, kind: 'signing', role: input.role, label: input.label, createdAt: now.toISOString(), secret });
        }
        const key = generateKey(input.role);
        const { hash, record } = bearerKeyRecord(key, input.role, input.label, now);
        await app.store.putApiKey(hash, record);
        app.logger.info('key created', { id: record.id, role: input.role, by: actor });
        return json(201, { ...record, kind: 'bearer', key });
      }),
    },
    {
      method: 'GET',
      path: '/v1/keys',
      handler: admin(async () => {
        const keys = await app.store.listApiKeys();
        return json(200, { items: keys.map(({ secret, ...key }) => ({ ...key, kind: secret ? 'signing' : 'bearer' })) });
      }),
    },
    {
      method: 'DELETE',
      path: '/v1/keys/{id}',
      handler: admin(async (event, actor) => {
        const id = pathParam(event, 'id');
        if (!(await app.store.deleteApiKey(id))) throw new NotFoundError('KEY_NOT_FOUND', `no key ${id}`);
        app.logger.info('key revoked', { id, by: actor });
        return noContent();
      }),
    },
  ];
}
