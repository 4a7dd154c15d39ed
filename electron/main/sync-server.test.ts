import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSyncServerStore, syncOrigin } from './sync-server';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('the sync server the page may connect to', () => {
  it('is the origin of an http(s) address, nothing for anything else', () => {
    expect(syncOrigin('https://inventory.example:8787/kvik/')).toBe('https://inventory.example:8787');
    expect(syncOrigin(' http://127.0.0.1:8787 ')).toBe('http://127.0.0.1:8787');
    expect(syncOrigin('')).toBeNull();
    expect(syncOrigin('javascript:alert(1)')).toBeNull();
    expect(syncOrigin('file:///etc/passwd')).toBeNull();
  });

  it('is remembered across starts, and a change asks for a reload (a new policy)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kvik-sync-server-'));
    dirs.push(dir);
    const file = join(dir, 'sync-server.json');
    const store = createSyncServerStore(file);
    expect(store.origin()).toBeNull();
    expect(await store.set('https://a.example/')).toBe(true);
    expect(await store.set('https://a.example/other/path')).toBe(false);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ origin: 'https://a.example' });
    expect(createSyncServerStore(file).origin()).toBe('https://a.example');
    expect(await store.set('')).toBe(true);
    expect(store.origin()).toBeNull();
  });
});
