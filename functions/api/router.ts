/** Middy's HTTP router, answering 405 (not 404) when the path exists under another method. */
import middy from '@middy/core';
import httpRouterHandler, { type Route } from '@middy/http-router';
import { AppError } from '../core/errors.js';
import { httpErrors, type ErrorLogger } from './http-errors.js';
import type { HttpEvent, HttpResult } from './http.js';

export type ApiRoute = Route<HttpEvent, HttpResult>;

function patternOf(path: string): RegExp {
  const source = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}|\{[^}]+\}/g, '[^/]+');
  return new RegExp(`^${source}/?$`);
}

export function router(routes: ApiRoute[]) {
  const patterns = routes.map((route) => ({ method: route.method, pattern: patternOf(route.path) }));
  return httpRouterHandler<HttpEvent, HttpResult>({
    routes,
    notFoundResponse: ({ method, path }) => {
      const allowed = patterns.filter((p) => p.pattern.test(path)).map((p) => p.method);
      // A browser's CORS preflight. API Gateway's ANY routes pass it through to the function, then add
      // the configured CORS headers to this answer; it must be a 2xx without a key.
      if (method === 'OPTIONS' && allowed.length > 0) {
        return { statusCode: 204, headers: { allow: [...new Set([...allowed, 'OPTIONS'])].join(', ') }, body: '' };
      }
      if (allowed.length > 0) {
        throw new AppError('METHOD_NOT_ALLOWED', `${method} is not allowed on ${path}; use ${[...new Set(allowed)].join(' or ')}`, 405);
      }
      throw new AppError('ROUTE_NOT_FOUND', `no route ${method} ${path}`, 404);
    },
  });
}

/** One HTTP Lambda: its routes behind the router, every error mapped to the API's error body. */
export function httpApi(logger: ErrorLogger, routes: ApiRoute[]) {
  return middy<HttpEvent, HttpResult>().use(httpErrors(logger)).handler(router(routes));
}
