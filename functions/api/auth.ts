/**
 * Bearer-key authentication. Keys are stored only as SHA-256 hashes; a request's key is
 * hashed and looked up, so no stored secret is ever compared character by character.
 */
import { randomBytes } from 'node:crypto';
import { AppError } from '../core/errors.js';
import { sha256 } from '../core/ids.js';
import type { Store } from '../core/ports.js';
import type { Role } from '../core/types.js';
import { header, type HttpEvent } from './http.js';

const BEARER = /^Bearer\s+([A-Za-z0-9._~+/=-]{16,200})\s*$/;

export function hashKey(key: string): string {
  return sha256(`newsalert-key:${key}`);
}

/** A new random key for a role, e.g. `na_editor_…`. */
export function generateKey(role: Role): string {
  return `na_${role}_${randomBytes(24).toString('base64url')}`;
}

export class Authenticator {
  constructor(private readonly store: Store) {}

  /**
   * Throws 401 without a valid key and 403 when the key's role is not the one required.
   * Returns who is acting, as the audit records it: role, label and the key hash's first characters.
   */
  async require(event: HttpEvent, role: Role): Promise<{ role: Role; actor: string }> {
    const authorization = header(event, 'authorization');
    if (!authorization) {
      throw new AppError('UNAUTHENTICATED', 'send an API key as "Authorization: Bearer <key>"', 401);
    }
    const match = BEARER.exec(authorization);
    const hash = match ? hashKey(match[1]!) : undefined;
    const record = hash ? await this.store.findApiKey(hash) : undefined;
    if (!record || !hash) throw new AppError('INVALID_API_KEY', 'the API key is not valid', 401);
    if (record.role !== role) {
      throw new AppError('FORBIDDEN', `this route needs an ${role} key; this key is an ${record.role} key`, 403);
    }
    return { role: record.role, actor: `${record.role}:${record.label}#${hash.slice(0, 8)}` };
  }
}
