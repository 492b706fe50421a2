/**
 * Authentication. Bearer keys are stored only as SHA-256 hashes: a request's key is hashed
 * and looked up, so no stored secret is ever compared character by character, and a revoked
 * key (its item deleted) fails on the very next request. A CMS may instead sign each body
 * with HMAC-SHA256 over "<timestamp>.<body>" with a signing key's secret; signatures are
 * compared in constant time and those older (or newer) than 5 minutes are refused.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError } from '../core/errors.js';
import { sha256 } from '../core/ids.js';
import type { ApiKeyRecord, Store } from '../core/ports.js';
import type { Role } from '../core/types.js';
import { header, type HttpEvent } from './http.js';

const BEARER = /^Bearer\s+([A-Za-z0-9._~+/=-]{16,200})\s*$/;
const MAX_SKEW_SECONDS = 300;

export function hashKey(key: string): string {
  return sha256(`newsalert-key:${key}`);
}

/** The id under which a key is listed and revoked: safe to show, useless to authenticate. */
export function keyId(hash: string): string {
  return hash.slice(0, 16);
}

/** A new random key for a role, e.g. `na_editor_…`. */
export function generateKey(role: Role): string {
  return `na_${role}_${randomBytes(24).toString('base64url')}`;
}

/** A bearer key's record, ready to store. */
export function bearerKeyRecord(key: string, role: Role, label: string, now: Date): { hash: string; record: ApiKeyRecord } {
  const hash = hashKey(key);
  return { hash, record: { id: keyId(hash), role, label, createdAt: now.toISOString() } };
}

/** The signature a CMS sends: hex HMAC-SHA256 of "<timestamp>.<body>". */
export function signBody(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

export interface Principal {
  role: Role;
  /** As the audit records it: role, label, key id. */
  actor: string;
}

export class Authenticator {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Throws 401 without valid credentials and 403 when the key's role is not one of `roles`. */
  async require(event: HttpEvent, roles: Role[]): Promise<Principal> {
    const record = header(event, 'x-newsalert-signature') ? await this.signed(event) : await this.bearer(event);
    if (!roles.includes(record.role)) {
      throw new AppError('FORBIDDEN', `this route needs a key with the role ${roles.join(' or ')}; this key is ${record.role}`, 403);
    }
    return { role: record.role, actor: `${record.role}:${record.label}#${record.id}` };
  }

  private async bearer(event: HttpEvent): Promise<ApiKeyRecord> {
    const authorization = header(event, 'authorization');
    if (!authorization) throw new AppError('UNAUTHENTICATED', 'send an API key as "Authorization: Bearer <key>", or a signed body', 401);
    const match = BEARER.exec(authorization);
    const record = match ? await this.store.findApiKey(hashKey(match[1]!)) : undefined;
    if (!record) throw new AppError('INVALID_API_KEY', 'the API key is not valid', 401);
    return record;
  }

  private async signed(event: HttpEvent): Promise<ApiKeyRecord> {
    const id = header(event, 'x-newsalert-key-id') ?? '';
    const timestamp = header(event, 'x-newsalert-timestamp') ?? '';
    const signature = (header(event, 'x-newsalert-signature') ?? '').replace(/^sha256=/, '');
    if (!/^\d{9,11}$/.test(timestamp) || !/^[0-9a-f]{64}$/.test(signature) || !/^[0-9a-f]{16}$/.test(id)) {
      throw new AppError('INVALID_SIGNATURE', 'a signed request needs X-Newsalert-Key-Id, X-Newsalert-Timestamp (Unix seconds) and X-Newsalert-Signature: sha256=<hex>', 401);
    }
    if (Math.abs(this.now().getTime() / 1000 - Number(timestamp)) > MAX_SKEW_SECONDS) {
      throw new AppError('SIGNATURE_EXPIRED', 'the signature timestamp is more than 5 minutes from now: refused as a possible replay', 401);
    }
    const record = await this.store.findSigningKey(id);
    const body = event.isBase64Encoded ? Buffer.from(event.body ?? '', 'base64').toString('utf8') : (event.body ?? '');
    const expected = record?.secret ? Buffer.from(signBody(record.secret, timestamp, body), 'hex') : Buffer.alloc(32);
    const given = Buffer.from(signature, 'hex');
    if (!timingSafeEqual(expected, given) || !record) throw new AppError('INVALID_SIGNATURE', 'the signature does not match the body', 401);
    return record;
  }
}

/**
 * Wraps a route handler so it runs only for `roles`, and hands it the acting principal's
 * name for the audit.
 *
 * @example withRoles(app.auth, ['editor', 'admin'])(async (event, actor) => json(200, …))
 */
export function withRoles<E extends HttpEvent, R>(auth: Authenticator, roles: Role[]) {
  return (handler: (event: E, actor: string) => Promise<R>) => async (event: E): Promise<R> => handler(event, (await auth.require(event, roles)).actor);
}
