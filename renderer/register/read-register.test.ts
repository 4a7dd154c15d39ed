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
    // First the device whose IMEI ends so, by index; then the whole register, page by page.
    expect(seen.map((p) => [p.read, p.total, p.done, p.matches.length])).toEqual([
      [0, 0, false, 1],
      [10, 10, false, 1],
      [20, 20, false, 1],
      [25, 25, true, 1],
    ]);
    expect(seen[0]?.matches[0]?.imei).toBe(imei(17));
  });

  it("shows the devices of employees so named first, by index", async () => {
    const seen: RegisterProgress[] = [];
    const withHolders = { ...names, employeesMatching: (text: string) => ('jens hansen'.includes(text.toLowerCase()) ? ['E1001'] : []) };
    await readRegister(db, { text: 'Hansen' }, withHolders, (p) => seen.push(p), { pageSize: 10 });
    expect(seen[0]).toMatchObject({ read: 0, done: false });
    expect(seen[0]?.matches).toHaveLength(5);
    expect(seen.at(-1)?.matches).toHaveLength(5);
  });

  it('finds any part of an identifier, not only its start or end', async () => {
    const result = await readRegister(db, { text: imei(17).slice(8, 14) }, names, () => {}, { pageSize: 10 });
    expect(result.matches.map((d) => d.imei)).toEqual([imei(17)]);
  });

  it('reads the whole register page by page', async () => {
    const seen: RegisterProgress[] = [];
    await readRegister(db, {}, names, (p) => seen.push(p), { pageSize: 10 });
    // The store is never counted (a walk of it in IndexedDB): the total grows until the read is done…
    expect(seen.map((p) => [p.read, p.total, p.done])).toEqual([
      [10, 10, false],
      [20, 20, false],
      [25, 25, true],
    ]);
    // …and the next read of the same store knows it from the start.
    const again: RegisterProgress[] = [];
    await readRegister(db, {}, names, (p) => again.push(p), { pageSize: 10 });
    expect(again.map((p) => [p.read, p.total, p.done])).toEqual([
      [10, 25, false],
      [20, 25, false],
      [25, 25, true],
    ]);
  });

  it('shows the first rows of an index (or of the whole register) before reading the rest', async () => {
    const narrowed: RegisterProgress[] = [];
    const result = await readRegister(db, { statuses: ['ready'] }, names, (p) => narrowed.push(p), { firstPage: 4 });
    expect(narrowed.map((p) => [p.read, p.total, p.done, p.matches.length])).toEqual([
      [4, 0, false, 4],
      [20, 20, true, 20],
    ]);
    expect(result.matches).toHaveLength(20);
    const whole: RegisterProgress[] = [];
    await readRegister(db, {}, names, (p) => whole.push(p), { firstPage: 4, pageSize: 10 });
    expect(whole.map((p) => [p.read, p.done])).toEqual([
      [4, false],
      [14, false],
      [24, false],
      [25, true],
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
