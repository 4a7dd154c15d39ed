import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Waits, with the browser open on `profile`, until its IndexedDB has finished compacting.
 *
 * Chromium keeps IndexedDB in LevelDB, which compacts in a background thread after large writes.
 * A store seeded in minutes and closed at once may be left with that work owed, and a run on a
 * copy of it would pay it while measuring. So a kept store is settled once before it is measured,
 * and each copy again (opening one replays LevelDB's journal, which may write). Checked on 2026-12-02:
 * the desk store seeded and built that day owed none (settled at once), and its scans were no
 * faster for the check — the slowness of freshly seeded stores has another cause.
 *
 * Compaction writes its steps to the LevelDB's `LOG` and adds and deletes table files: settled is
 * when neither has changed for `quietMs`. Returns the seconds waited; gives up (and says so by
 * returning `null`) after `limitMs`.
 */
export async function untilStoreSettles(profile: string, { quietMs = 15_000, limitMs = 15 * 60_000, pollMs = 1_000 } = {}): Promise<number | null> {
  const started = Date.now();
  let last = storeState(profile);
  let quietSince = Date.now();
  while (Date.now() - started < limitMs) {
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    const now = storeState(profile);
    if (now !== last) {
      last = now;
      quietSince = Date.now();
    } else if (Date.now() - quietSince >= quietMs) return (quietSince - started) / 1000;
  }
  return null;
}

/** Every LevelDB of the profile's IndexedDB: its files, and its LOG's size and time. */
function storeState(profile: string): string {
  const root = join(profile, 'Default', 'IndexedDB');
  if (!existsSync(root)) return '';
  return readdirSync(root)
    .filter((name) => name.endsWith('.leveldb'))
    .map((name) => {
      const dir = join(root, name);
      const files = readdirSync(dir).sort();
      const log = join(dir, 'LOG');
      const logState = existsSync(log) ? `${statSync(log).size}@${statSync(log).mtimeMs}` : '';
      return `${name}:${logState}:${files.join(',')}`;
    })
    .join('|');
}
