import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { luhnCheckDigit } from '../../shared/scan/check-digits';
import { deviceIn } from '../../shared/testing/builders';
import { storedDevice, type KvikDb } from '../store/db';
import { openDb } from '../store/open';
import { readRegister, registerSource, type RegisterProgress } from './read-register';

let db: KvikDb;
let n = 0;
const names = { model: () => undefined, employee: (id: string) => (id === 'E1001' ? 'Jens Hansen' : undefined) };

/** A valid IMEI ending in `tail` digits of `i`. */
function imei(i: number): string {
  const body = `35438107${String(i).padStart(6, '0')}`;
  return body + luhnCheckDigit(body);
}

beforeEach(async () => {
  db = await openDb(`register-test-${++n}`);
  const devices = Array.from({ length: 25 }, (_, i) => storedDevice(deviceIn(i % 5 === 0 ? 'assigned' : 'ready', imei(i)).device));
  await db.devices.bulkPut(devices);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('readRegister', () => {
  it('searches the whole register page by page, telling progress after each page', async () => {
    const seen: RegisterProgress[] = [];
    const result = await readRegister(db, { text: imei(17).slice(-7) }, names, (p) => seen.push(p), { pageSize: 10 });
    expect(result.matches.map((d) => d.imei)).toEqual([imei(17)]);
    expect(seen.map((p) => [p.read, p.total, p.done])).toEqual([
      [10, 25, false],
      [20, 25, false],
      [25, 25, true],
    ]);
  });

  it("narrows by an index, then matches the rest of the filter and the holder's name", async () => {
    expect(registerSource(db, { statuses: ['assigned'] }).narrowed).toBe(true);
    expect(registerSource(db, { text: 'x' }).narrowed).toBe(false);
    const result = await readRegister(db, { statuses: ['assigned'], text: 'hansen' }, names, () => {});
    expect(result.matches).toHaveLength(5);
    expect(result.matches.every((d) => d.status === 'assigned')).toBe(true);
    const none = await readRegister(db, { statuses: ['ready'], text: 'hansen' }, names, () => {});
    expect(none.matches).toHaveLength(0);
  });

  it('stops when the filter changes under it', async () => {
    const controller = new AbortController();
    const seen: RegisterProgress[] = [];
    await readRegister(db, {}, names, (p) => {
      seen.push(p);
      controller.abort();
    }, { pageSize: 10, signal: controller.signal });
    expect(seen).toHaveLength(1);
  });
});
