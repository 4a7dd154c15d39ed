import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Waits, with the browser open on `profile`, until its IndexedDB has finished compacting.
 *
 * Chromium keeps IndexedDB in LevelDB, which compacts in a background thread after large writes.
 * A store seeded in minutes and closed at once is left with that work owed: every run on a copy of
 * it then pays it while measuring (the raw baseline too, 2–3× slower than on a settled store), and
 * how much depends on when the seeding stopped. A desk in service has had the idle time to compact.
 * So a kept store is settled before it is kept, and a copy before it is measured.
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
