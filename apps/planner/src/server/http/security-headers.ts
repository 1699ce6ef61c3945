import type { ServerResponse } from 'node:http';

/** For JSON, documents and events: nothing in a response may run or be framed; the dashboard's page sets its own CSP. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Set on every HTTP response before anything is written (headers given to writeHead later take precedence). */
export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('content-security-policy', API_CONTENT_SECURITY_POLICY);
  res.setHeader('referrer-policy', 'no-referrer');
}
