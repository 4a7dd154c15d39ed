import type { DeskContext } from '../../renderer/desk/desk-context';
import type { KvikDb } from '../../renderer/store/db';
import type { SyncEngine } from '../../renderer/sync/engine';

/** One desk of the soak: its own store, the real engine, and the ids of what it recorded this epoch. */
export interface SoakDesk {
  id: string;
  ctx: DeskContext;
  db: KvikDb;
  engine: SyncEngine;
  recorded: string[];
}
