import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KvikDb } from './db';
import { whenCommitted } from './on-commit';
import { openDb } from './open';

let db: KvikDb;
let n = 0;
beforeEach(async () => {
  db = await openDb(`on-commit-${process.pid}-${++n}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('work on commit', () => {
  it('runs once the transaction has committed, before the code awaiting it', async () => {
    const seen: string[] = [];
    await db.transaction('rw', db.settings, async () => {
      await db.settings.put({ key: 'k', value: 1 });
      whenCommitted(() => seen.push('committed'));
      seen.push('scope done');
    });
    seen.push('awaited');
    expect(seen).toEqual(['scope done', 'committed', 'awaited']);
    expect((await db.settings.get('k'))?.value).toBe(1);
  });

  it('never runs for a transaction that aborts', async () => {
    let ran = false;
    await expect(
      db.transaction('rw', db.settings, async () => {
        await db.settings.put({ key: 'k', value: 1 });
        whenCommitted(() => (ran = true));
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ran).toBe(false);
    expect(await db.settings.get('k')).toBeUndefined();
  });
});
