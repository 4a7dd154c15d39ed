import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startChildServer, type ChildServer } from '../../integration/support/child-server';

/**
 * The central inventory for an end-to-end test: `server/main.ts` as its own process, on PGlite in
 * a fresh temporary directory, on a free port, with development tokens for the desks.
 */
export async function startInventory(
  tokens: Record<string, string>,
  /** Run before the server starts, on its data (a PGlite directory has one owner at a time). */
  prepare?: (env: Record<string, string>) => Promise<void>,
  /** More of the server's environment (`WEB_ROOT`). */
  env: Record<string, string> = {},
): Promise<{ server: ChildServer; stop(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'kvikdesk-e2e-sync-'));
  await prepare?.({ PGLITE_DIR: join(dir, 'pglite') });
  const server = await startChildServer({
    PGLITE_DIR: join(dir, 'pglite'),
    DESK_TOKENS: Object.entries(tokens)
      .map(([desk, token]) => `${desk}=${token}`)
      .join(','),
    ...env,
  });
  return {
    server,
    async stop() {
      await server.stop('SIGTERM');
      await rm(dir, { recursive: true, force: true });
    },
  };
}
