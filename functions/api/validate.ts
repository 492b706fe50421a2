/** Schema validation with one error shape: a 400 naming every problem, field by field. */
import type { ZodMiniType } from 'zod/mini';
import { ValidationError } from '../core/errors.js';

export function parse<T>(schema: ZodMiniType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => ({ field: issue.path.join('.') || '(body)', problem: issue.message }));
  const summary = problems.map((p) => `${p.field}: ${p.problem}`).join('; ');
  throw new ValidationError(`invalid ${what}: ${summary}`, problems);
}
