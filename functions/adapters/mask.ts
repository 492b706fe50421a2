/** Endpoints as they may appear in logs: enough to tell them apart, never enough to reach anyone. */
import type { EndpointRequest } from '../core/types.js';

export function maskEndpoint(endpoint: EndpointRequest): string {
  switch (endpoint.channel) {
    case 'sms':
      return `${endpoint.phoneNumber.slice(0, 3)}…${endpoint.phoneNumber.slice(-3)}`;
    case 'push':
      return `${endpoint.platform}:…${endpoint.token.slice(-6)}`;
    case 'webhook': {
      try {
        const url = new URL(endpoint.url);
        return `${url.protocol}//${url.host}${url.pathname}`;
      } catch {
        return 'webhook';
      }
    }
  }
}
