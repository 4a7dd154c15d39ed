import { deviceSchema, type Device } from '../../shared/domain/device';
import type { Row } from '../db/database';
import type { StoredStatus } from '../../shared/sync/protocol';

/**
 * Reading the server's own rows. node-postgres returns `bigint` as a string and PGlite as a number;
 * both become a number here (a `seq` stays far below 2^53).
 */
export function toSeq(value: unknown): number {
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) throw new Error(`not a seq: ${String(value)}`);
  return n;
}

export function toStoredStatus(value: unknown): StoredStatus {
  if (value === 'accepted' || value === 'conflict') return value;
  throw new Error(`not a stored status: ${String(value)}`);
}

export function optionalText(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function text(value: unknown): string {
  if (typeof value !== 'string') throw new Error(`expected text, got ${typeof value}`);
  return value;
}

/** A projection row: parsed, because `apply` builds on it and must get a real `Device`. */
export function toDevice(row: Row): Device {
  return deviceSchema.parse(row.device);
}
