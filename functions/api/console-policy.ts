/**
 * The security headers the editors' desk is served with: by the local server, and by
 * CloudFront on AWS. The desk loads only its own files and talks only to the API.
 */
export function consoleContentSecurityPolicy(apiOrigin?: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self'${apiOrigin ? ` ${apiOrigin}` : ''}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** As the local server sends them, where the API is the desk's own origin. */
export function consoleHeaders(): Record<string, string> {
  return {
    'content-security-policy': consoleContentSecurityPolicy(),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
  };
}
