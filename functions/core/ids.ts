/** Identifiers derived from content, so that a retry lands on the same key and writes nothing new. */
import { createHash, randomBytes } from 'node:crypto';

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A short id, stable for the same parts: `idFrom('al', articleId, version)`. */
export function idFrom(prefix: string, ...parts: Array<string | number>): string {
  return `${prefix}_${createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 22)}`;
}

/** A fresh random id for things that have no natural key (subscriptions). */
export function randomId(prefix: string): string {
  return `${prefix}_${randomBytes(16).toString('base64url')}`;
}
