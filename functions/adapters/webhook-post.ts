/** The webhook relay's POST, over fetch: no redirects followed (a receiver must answer at its own URL). */
import type { WebhookRelayDeps } from '../core/webhook-relay.js';

export function webhookPost(fetchImpl: typeof fetch = globalThis.fetch): WebhookRelayDeps['post'] {
  return async (url, headers, body, timeoutMs) => {
    const response = await fetchImpl(url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    return response.status;
  };
}
