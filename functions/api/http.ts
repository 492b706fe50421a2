/** Small helpers for API Gateway v2 events: JSON responses, the body, query values. */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { AppError } from '../core/errors.js';

export type HttpEvent = APIGatewayProxyEventV2 & { pathParameters?: Record<string, string | undefined> };
export type HttpResult = APIGatewayProxyStructuredResultV2;

/** The largest request body the API reads. */
export const MAX_BODY_BYTES = 1024 * 1024;

export function json(statusCode: number, body: unknown): HttpResult {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    body: JSON.stringify(body),
  };
}

export function noContent(): HttpResult {
  return { statusCode: 204, headers: { 'cache-control': 'no-store' }, body: '' };
}

export function errorBody(code: string, message: string, details?: unknown): unknown {
  return { error: { code, message, ...(details !== undefined && { details }) } };
}

/** The request body as JSON, with clear errors for what a client can get wrong. */
export function readJson(event: HttpEvent): unknown {
  const raw = event.body ?? '';
  const bytes = event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  if (bytes.length > MAX_BODY_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', `request body is over ${MAX_BODY_BYTES} bytes`, 413);
  }
  if (bytes.length === 0) throw new AppError('BODY_REQUIRED', 'request body is empty; send a JSON object', 400);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('INVALID_UTF8', 'request body is not valid UTF-8', 400);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('MALFORMED_JSON', 'request body is not valid JSON', 400);
  }
}

export function header(event: HttpEvent, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(event.headers ?? {})) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

export function pathParam(event: HttpEvent, name: string): string {
  const value = event.pathParameters?.[name];
  if (!value) throw new AppError('ROUTE_NOT_FOUND', 'no such resource', 404);
  try {
    return decodeURIComponent(value);
  } catch {
    throw new AppError('INVALID_PATH', `path parameter ${name} is not valid percent-encoding`, 400);
  }
}
