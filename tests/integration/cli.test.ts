import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { referenceResponseSchema } from '../../shared/sync/protocol';
import { childBackends } from './support/backends';
import { runCommand, startChildServer } from './support/child-server';
import { batchFor } from './support/events';
import { httpGet, httpPush } from './support/http';

describe.each(childBackends)('npm run server commands on $name', (backend) => {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('issues, lists and revokes desk tokens, imports CSV, and serves them', { timeout: 120_000 }, async () => {
    const data = await backend.prepare();
    cleanups.push(data.dispose);
    const files = await mkdtemp(join(tmpdir(), 'kvikdesk-csv-'));
    cleanups.push(() => rm(files, { recursive: true, force: true }));
    const good = join(files, 'models.csv');
    const bad = join(files, 'employees.csv');
    await writeFile(good, 'id,name,kind,gtin\nM1,iPhone 13,phone,00194252707248\nM2,ThinkPad T14,pc,\n');
    await writeFile(bad, 'id,name,department\nE1,Ole,SOF\nE2,,SOF\nE3,Bo,NOPE\n');

    const add = await runCommand(['desk', 'add', 'kvik-1'], data.env);
    expect(add.code, add.stderr).toBe(0);
    const token = /^kvd_[A-Za-z0-9_-]{43}$/m.exec(add.stdout)?.[0];
    expect(token).toBeDefined();
    const again = await runCommand(['desk', 'add', 'kvik-1'], data.env);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already has a token/);

    const imported = await runCommand(['import', 'models', good], data.env);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/Imported 2 models/);
    const refused = await runCommand(['import', 'employees', bad], data.env);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/Nothing imported: 2 problem/);
    expect(refused.stdout).toMatch(/line 3: name/);
    expect(refused.stdout).toMatch(/line 4: unknown department NOPE/);

    // The issued token works against the service: no DESK_TOKENS at all.
    const server = await startChildServer(data.env);
    cleanups.push(() => server.stop('SIGKILL'));
    if (data.dataDir) {
      // A second process on the same PGlite directory is refused while the first runs.
      const locked = await runCommand(['desk', 'list'], data.env);
      expect(locked.code).toBe(1);
      expect(locked.stderr).toMatch(new RegExp(`in use by process ${server.pid}`));
    }
    const results = await httpPush(server.url, token ?? '', batchFor('kvik-1', 4));
    expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted', 'accepted']);
    const reference = referenceResponseSchema.parse((await httpGet(server.url, token ?? '', '/v1/reference')).body);
    expect(reference.models.map((m) => m.id)).toEqual(['M1', 'M2']);
    expect(reference.employees).toEqual([]);
    expect(await server.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    expect(server.output()).toMatch(/"msg":"stopped"/);
    expect(server.output()).not.toContain(token);

    const revoke = await runCommand(['desk', 'revoke', 'kvik-1'], data.env);
    expect(revoke.code, revoke.stderr).toBe(0);
    const list = await runCommand(['desk', 'list'], data.env);
    expect(list.stdout).toMatch(/kvik-1\s+issued \S+\s+revoked/);
    expect(list.stdout).not.toContain(token);

    const restarted = await startChildServer(data.env);
    cleanups.push(() => restarted.stop('SIGKILL'));
    expect((await httpGet(restarted.url, token ?? '', '/v1/pull')).status).toBe(401);
    expect(await restarted.stop('SIGINT')).toEqual({ code: 0, signal: null });
  });
});
