import { contentSecurityPolicy as policyFor } from '../../shared/security/csp';

/**
 * The policy the main process sends with every page and worker script it serves: the web build's
 * (`shared/security/csp.ts`), with `connect-src` narrowed to the configured sync server's origin
 * (`sync-server.ts`) — a script injected into the page cannot send the desk's data elsewhere.
 */
export function contentSecurityPolicy(options: { dev?: boolean; syncOrigin?: string | null } = {}): string {
  return policyFor({ connect: options.syncOrigin ? [options.syncOrigin] : [], dev: options.dev === true });
}

/**
 * Development only (`webRequest.onHeadersReceived`): the dev server's responses with the policy
 * added, or `null` for responses from anywhere else (the sync server, say), which are left alone.
 */
export function withCspHeader(
  isFromApp: boolean,
  headers: Record<string, string[]> | undefined,
  policy: string,
): Record<string, string[]> | null {
  if (!isFromApp) return null;
  return { ...headers, 'Content-Security-Policy': [policy] };
}
