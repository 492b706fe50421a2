/**
 * The OpenAPI 3.1 description of the whole API, generated from the same zod schemas that
 * validate requests, so the document cannot drift from what the API accepts.
 */
import * as z from 'zod/mini';
import { actionSchema, articleSchema, correctionSchema, manualAlertSchema } from './article-schema.js';
import { newKeySchema } from './keys-api.js';
import { confirmSchema, inboundSmsSchema, preferencesSchema, subscriptionSchema } from './subscription-schema.js';

type Security = 'editor' | 'reader' | 'app' | 'admin' | 'any' | 'none';

const ROLES: Record<Exclude<Security, 'none'>, string> = {
  editor: 'editor or admin key (or a body signed with an editor signing key)',
  reader: 'viewer, editor or admin key',
  app: 'app key',
  admin: 'admin key',
  any: 'any valid key',
};

function schemaOf(schema: z.ZodMiniType): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

function operation(summary: string, security: Security, options: { body?: z.ZodMiniType; query?: Array<[string, string]>; ok?: string } = {}) {
  return {
    summary,
    ...(security !== 'none' && { description: `Needs: ${ROLES[security]}.`, security: [{ bearer: [] }, { signature: [] }] }),
    ...(options.query && {
      parameters: options.query.map(([name, description]) => ({ name, in: 'query', required: false, description, schema: { type: 'string' } })),
    }),
    ...(options.body && { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(options.body) } } } }),
    responses: {
      [options.ok ?? '200']: { description: 'Success', content: { 'application/json': { schema: { type: 'object' } } } },
      '4XX': { description: 'The client’s mistake', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
    },
  };
}

const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };

/** Built once per process: the schemas do not change at run time. */
export function openApiDocument(options: { allowHttpWebhooks: boolean }) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'newsalert',
      version: '1.0.0',
      description: 'Breaking-news alerts: post articles, see how they were classified and why, steer alerts, manage subscribers and keys.',
    },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'Authorization: Bearer <key>' },
        signature: {
          type: 'apiKey',
          in: 'header',
          name: 'X-Newsalert-Signature',
          description: 'sha256=<hex HMAC-SHA256 of "<X-Newsalert-Timestamp>.<body>"> with a signing key, named by X-Newsalert-Key-Id; refused when the timestamp is more than 5 minutes off.',
        },
      },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} } } },
        },
      },
    },
    paths: {
      '/health': { get: operation('Liveness', 'none') },
      '/v1/articles': {
        get: operation('Articles received, newest first: wire level, primary topic, places and decision of each', 'reader', { query: [['limit', '1–100'], ['cursor', 'from the previous page']] }),
        post: operation('Post an article: classified, decided, recorded and alerted (201; 200 on a repeat of the same id and version)', 'editor', {
          body: articleSchema,
          ok: '201',
          query: [['dryRun', 'true: return classification, decision and the exact SMS and push texts; store and send nothing']],
        }),
      },
      '/v1/articles/{id}': { get: { ...operation('An article: classification, decision, versions, the exact SMS and push texts of its alert, and its audience by channel', 'reader'), parameters: [idParam] } },
      '/v1/alerts': {
        get: operation('Alerts, newest first', 'reader', { query: [['limit', '1–100'], ['cursor', 'from the previous page'], ['status', 'held, pending, publishing, sent, failed or rejected']] }),
        post: operation('Send a manual alert (201; 200 on a repeat of the same id)', 'editor', { body: manualAlertSchema, ok: '201' }),
      },
      '/v1/alerts/{id}': { get: { ...operation('An alert with its audit trail', 'reader'), parameters: [idParam] } },
      '/v1/alerts/{id}/approve': { post: { ...operation('Send a held alert (once)', 'editor', { body: actionSchema }), parameters: [idParam] } },
      '/v1/alerts/{id}/reject': { post: { ...operation('Drop a held alert', 'editor', { body: actionSchema }), parameters: [idParam] } },
      '/v1/alerts/{id}/retry': { post: { ...operation('Send a failed alert again', 'editor', { body: actionSchema }), parameters: [idParam] } },
      '/v1/alerts/{id}/correction': {
        post: { ...operation('Send a correction to exactly the segments the alert reached', 'editor', { body: correctionSchema, ok: '201' }), parameters: [idParam] },
      },
      '/v1/subscriptions': {
        post: operation('Register a subscriber; a webhook gets its signing secret in this answer only', 'app', { body: subscriptionSchema(options), ok: '201' }),
      },
      '/v1/subscriptions/{id}': {
        get: { ...operation('A subscription (a webhook with its delivery state)', 'app'), parameters: [idParam] },
        patch: { ...operation('Change preferences: moves to another segment with no gap and no double', 'app', { body: z.strictObject({ preferences: preferencesSchema }) }), parameters: [idParam] },
        delete: { ...operation('Remove a subscription (204)', 'app', { ok: '204' }), parameters: [idParam] },
      },
      '/v1/subscriptions/{id}/confirm': { post: { ...operation('Confirm an SMS number with the texted code', 'app', { body: confirmSchema }), parameters: [idParam] } },
      '/v1/subscriptions/{id}/enable': { post: { ...operation('Re-enable a webhook disabled for failing', 'app'), parameters: [idParam] } },
      '/v1/sms/inbound': { post: operation('A text from a subscriber (STOP, START, YES), as the SMS provider relays it', 'app', { body: inboundSmsSchema }) },
      '/v1/keys': {
        get: operation('List keys (never the keys themselves)', 'admin'),
        post: operation('Create a key; the key (or signing secret) is shown once', 'admin', { body: newKeySchema, ok: '201' }),
      },
      '/v1/keys/{id}': { delete: { ...operation('Revoke a key (204)', 'admin', { ok: '204' }), parameters: [idParam] } },
      '/v1/topics': { get: operation('The IPTC Media Topic codes newsalert knows, with labels (level-2 topics name their parent)', 'any') },
      '/v1/openapi.json': { get: operation('This document', 'any') },
    },
  };
}
