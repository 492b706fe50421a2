/**
 * Middy middleware: every error becomes `{ error: { code, message } }`. AppErrors and
 * Middy's own HTTP errors are the client's and are shown; anything else is a fault, logged
 * in full and answered with a generic 500 that reveals nothing.
 */
import type { MiddlewareObj } from '@middy/core';
import { AppError } from '../core/errors.js';
import { errorBody, json, type HttpEvent, type HttpResult } from './http.js';

export interface ErrorLogger {
  error(message: string, ...extra: unknown[]): void;
}

const CODE_OF_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST', 404: 'ROUTE_NOT_FOUND', 405: 'METHOD_NOT_ALLOWED', 413: 'PAYLOAD_TOO_LARGE', 415: 'UNSUPPORTED_MEDIA_TYPE',
};

export function httpErrors(logger: ErrorLogger): MiddlewareObj<HttpEvent, HttpResult> {
  return {
    onError: async (request) => {
      const error = request.error as (Error & { statusCode?: number; expose?: boolean }) | null | undefined;
      if (error instanceof AppError) {
        request.response = json(error.status, errorBody(error.code, error.message, error.details));
        return;
      }
      const status = error?.statusCode;
      if (status && status >= 400 && status < 500 && error.expose !== false) {
        request.response = json(status, errorBody(CODE_OF_STATUS[status] ?? 'BAD_REQUEST', error.message));
        return;
      }
      logger.error('unhandled error', error as Error);
      request.response = json(500, errorBody('INTERNAL', 'something went wrong on our side; it has been logged'));
    },
  };
}
