import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './data-dir-lock';

describe('lockDataDir', () => {
  const root = mkdtempSync(join(tmpdir(), 'kvikdesk-lock-'));
  const dataDir = join(root, 'pglite');
  const lockFile = `${dataDir}.lock`;
  afterEach(() => rmSync(lockFile, { force: true }));

  it('writes our pid beside the directory and removes it on release', () => {
    const lock = lockDataDir(`${dataDir}/`);
    expect(lock.path).toBe(lockFile);
    expect(readFileSync(lockFile, 'utf8').trim()).toBe(String(process.pid));
    lock.release();
    expect(existsSync(lockFile)).toBe(false);
  });

  it('refuses a directory a running process holds', () => {
    // The parent of this test runner is alive for the whole test.
    writeFileSync(lockFile, `${process.ppid}\n`);
    expect(() => lockDataDir(dataDir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dataDir)).toThrow(new RegExp(`in use by process ${process.ppid}`));
    expect(readFileSync(lockFile, 'utf8').trim()).toBe(String(process.ppid));
  });

  it('refuses a second lock in the same process', () => {
    const lock = lockDataDir(dataDir);
    expect(() => lockDataDir(dataDir)).toThrow(DataDirLockedError);
    lock.release();
  });

  it('takes over a stale lock whose process is gone, and an unreadable one', () => {
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    writeFileSync(lockFile, `${gone}\n`);
    const lock = lockDataDir(dataDir);
    expect(readFileSync(lockFile, 'utf8').trim()).toBe(String(process.pid));
    lock.release();
    writeFileSync(lockFile, '');
    lockDataDir(dataDir).release();
  });

  it('does not remove a lock another process took after ours was taken over', () => {
    const lock = lockDataDir(dataDir);
    writeFileSync(lockFile, `${process.ppid}\n`);
    lock.release();
    expect(readFileSync(lockFile, 'utf8').trim()).toBe(String(process.ppid));
  });
});
