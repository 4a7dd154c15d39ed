import { randomUUID } from 'node:crypto';
import type { Device } from '../../shared/domain/device';
import { keysOf, planDeviceImport, readDeviceFile, type DeviceFile, type ImportPlan } from '../../shared/import/plan';
import type { Database, Queryable } from '../db/database';
import { readReference } from '../reference/read';
import { appendToLog } from '../sync/push';
import { toDevice } from '../sync/rows';

/** Who the import's events are recorded by: the central inventory itself, not a desk. */
export const importDeskId = 'central-import';

export interface DeviceImportOptions {
  /** The file's name, kept in every event. */
  source: string;
  dryRun?: boolean;
  /** Import the good rows even when some are refused. */
  skipInvalid?: boolean;
  /** The operator the events carry (a team lead's id, or `import`). */
  operator?: string;
  /** Called after each stored chunk: rows written so far of all to write. */
  progress?: (done: number, total: number) => void;
  /** Events per round of the log (each one batched statement set, like a push). */
  chunk?: number;
  now?: () => Date;
}

export interface DeviceImportResult {
  file: DeviceFile;
  plan: ImportPlan;
  /** Whether the plan's events were stored. */
  written: boolean;
  /** Events the log stored as conflicts after all (a desk pushed in between: never, with the lock). */
  conflicts: number;
}

/**
 * A device file into the event log, all or nothing: read and checked against the reference data,
 * planned against the register as it is inside the transaction that writes it (the push lock is
 * taken first, so no desk's push lands between the plan and the events), and stored through the
 * same path as every push, so desks receive imported devices by bootstrap and pull.
 */
export async function importDevices(db: Database, text: string, options: DeviceImportOptions): Promise<DeviceImportResult> {
  const file = readDeviceFile(text, await readReference(db));
  const empty = { lines: [], counts: { create: 0, change: 0, unchanged: 0, refused: 0 }, events: [] };
  if (file.problem) return { file, plan: empty, written: false, conflicts: 0 };
  const envelope = {
    at: (options.now?.() ?? new Date()).toISOString(),
    deskId: importDeskId,
    operator: options.operator ?? 'import',
    source: options.source,
    newId: randomUUID,
  };
  return db.transaction(async (tx) => {
    await tx.query('SELECT seq FROM sync_head FOR UPDATE');
    const plan = planDeviceImport(file, await devicesByKey(tx, keysOf(file)), envelope);
    const blocked = plan.counts.refused > 0 && !options.skipInvalid;
    if (options.dryRun || blocked || plan.events.length === 0) return { file, plan, written: false, conflicts: 0 };
    const size = options.chunk ?? 2000;
    let conflicts = 0;
    for (let i = 0; i < plan.events.length; i += size) {
      const answers = await appendToLog(tx, plan.events.slice(i, i + size));
      conflicts += answers.filter((a) => a.kind !== 'stored' || a.status !== 'accepted').length;
      options.progress?.(Math.min(i + size, plan.events.length), plan.events.length);
    }
    return { file, plan, written: true, conflicts };
  });
}

async function devicesByKey(tx: Queryable, keys: readonly string[]): Promise<Map<string, Device>> {
  const rows = await tx.query('SELECT key, device FROM devices WHERE key = ANY($1::text[])', [keys]);
  return new Map(rows.map((row) => [String(row.key), toDevice(row)]));
}
