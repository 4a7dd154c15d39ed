import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { luhnCheckDigit } from '../../shared/scan/check-digits';
import { parseScan } from '../../shared/scan/parse';
import { makeEvent } from '../../shared/testing/builders';
import { expectReportRowsFresh } from '../../tests/support/report-rows';
import { KvikDb } from '../store/db';
import { packIdOf } from '../store/holding-packs';
import { openDb } from '../store/open';
import { registerPopulate } from '../store/populate';
import { recordEvent } from '../store/record';
import type { DeskContext } from './desk-context';
import type { Mode } from './modes';
import { undoLastAction } from './undo';
import { performScan, type ScanOutcome } from './perform-scan';
import { readBatchSettings } from './workflows';

const imei = (n: number) => {
  const body = `35${String(n).padStart(12, '0')}`;
  return body + luhnCheckDigit(body);
};
const ctx: DeskContext = { deskId: 'desk-1', operator: 'AB', location: 'LAGER' };
const employee = { id: 'E1', name: 'Anna Berg', department: 'BUF' };

let db: KvikDb;
let n = 0;
beforeEach(async () => {
  db = await openDb(`perform-scan-${process.pid}-${++n}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const settings = readBatchSettings({ handout: { employee }, repair: { vendor: 'Fixit' }, dispose: { method: 'recycled', certificate: 'C-1' } });

function scan(mode: Mode, label: string, at: number, where = ctx): Promise<ScanOutcome> {
  return performScan(db, where, { mode, settings, batchKeys: new Set(), models: [] }, parseScan(label), { now: new Date(Date.UTC(2026, 5, 1, 8) + at * 60_000) });
}

describe('a scan, start to finish', () => {
  it('records in one transaction with the report rows and holding packs a full replay gives, scan after scan', async () => {
    const a = imei(1);
    const steps: Array<[Mode, string, ScanOutcome['tone']]> = [
      ['receive', a, 'good'],
      ['receive', 'C02XL0GHJGH5', 'good'],
      ['receive', a, 'error'], // already registered: refused, nothing written
      ['prepare', a, 'good'],
      ['handout', a, 'good'], // an open holding: into its pack
      ['return', a, 'good'], // the holding closes: out of its pack
      ['prepare', imei(2), 'error'], // unknown device
      ['prepare', 'C02XL0GHJGH5', 'good'],
      ['handout', 'C02XL0GHJGH5', 'good'], // held
    ];
    let minute = 0;
    for (const [mode, label, tone] of steps) {
      const outcome = await scan(mode, label, ++minute);
      expect(outcome.tone, `${mode} ${label}`).toBe(tone);
      await expectReportRowsFresh(db);
    }
    expect(await db.events.count()).toBe(7);
    expect(await db.outbox.count()).toBe(7);
    // The serial's holding is open and packed; the IMEI's, closed, has left its pack.
    const serialPack = await db.reportRows.get(packIdOf('serial:C02XL0GHJGH5'));
    expect(serialPack && 'entries' in serialPack && serialPack.entries).toContain('serial:C02XL0GHJGH5');
    const imeiPack = await db.reportRows.get(packIdOf(`imei:${a}`));
    expect(imeiPack && 'entries' in imeiPack ? imeiPack.entries : '').not.toContain(`imei:${a}`);
  });

  it('reads ahead what the report rows need: once a scan has written its event, it waits for no read', async () => {
    const counted = new KvikDb(`perform-scan-${process.pid}-${++n}-counted`);
    // Below every middleware: every request the scan's transaction makes, in order.
    const requests: string[] = [];
    counted.use({
      stack: 'dbcore',
      name: 'countRequests',
      level: -4,
      create: (down) => ({
        ...down,
        table(name) {
          const table = down.table(name);
          const noted = (what: string) => requests.push(`${what} ${name}`);
          return {
            ...table,
            get: (req) => (noted('read'), table.get(req)),
            getMany: (req) => (noted('read'), table.getMany(req)),
            query: (req) => (noted('read'), table.query(req)),
            mutate: (req) => (noted('write'), table.mutate(req)),
          };
        },
      }),
    });
    registerPopulate(counted);
    await counted.open();
    const kept = db;
    db = counted;
    try {
      expect((await scan('receive', imei(7), 1)).tone).toBe('good');
      expect((await scan('prepare', imei(7), 2)).tone).toBe('good');
      requests.length = 0;
      expect((await scan('handout', imei(7), 3)).tone).toBe('good');
      const firstWrite = requests.findIndex((r) => r.startsWith('write'));
      expect(firstWrite).toBeGreaterThan(0);
      expect(requests.slice(firstWrite).filter((r) => r.startsWith('read'))).toEqual([]);
      await expectReportRowsFresh(db);
    } finally {
      db = kept;
      counted.close();
      await counted.delete();
    }
  });

  it('keeps the rows of a device found by another identifier than its key (its second IMEI)', async () => {
    const first = imei(3);
    const second = imei(4);
    // Events under the key the second IMEI would have (a device voided since): not this device's.
    await recordEvent(db, makeEvent('received', `imei:${second}`, { data: { imei: second } }));
    await db.devices.delete(`imei:${second}`);
    await recordEvent(db, makeEvent('received', `imei:${first}`, { data: { imei: first, imei2: second } }));
    await expectReportRowsFresh(db);
    const outcome = await scan('prepare', second, 1);
    expect(outcome).toMatchObject({ tone: 'good', event: { type: 'prepared', deviceKey: `imei:${first}` } });
    await expectReportRowsFresh(db);
  });

  it('keeps the report rows equal a full replay over any desk work: scans in every workflow, undos, answers from the centre', async () => {
    const labels = [imei(5), imei(6), 'C02XL0GHJGH5', 'F17ZQ1ABCD9'];
    const modes: Mode[] = ['receive', 'prepare', 'handout', 'return', 'repair', 'repaired', 'lost', 'found', 'dispose'];
    const step = fc.oneof(
      { weight: 8, arbitrary: fc.record({ kind: fc.constant('scan' as const), mode: fc.constantFrom(...modes), label: fc.constantFrom(...labels), desk: fc.constantFrom('LAGER', 'KVIK-RH') }) },
      { weight: 1, arbitrary: fc.constant({ kind: 'undo' as const }) },
      { weight: 1, arbitrary: fc.constant({ kind: 'answer' as const }) },
    );
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 30 }), async (steps) => {
        const store = await openDb(`perform-scan-${process.pid}-${++n}-${++run}`);
        const kept = db;
        db = store;
        try {
          let minute = 0;
          let seq = 0;
          for (const s of steps) {
            minute++;
            if (s.kind === 'scan') await scan(s.mode, s.label, minute, { ...ctx, location: s.desk });
            else if (s.kind === 'undo') await undoLastAction(db, ctx, 'fortrudt', new Date(Date.UTC(2026, 5, 1, 8) + minute * 60_000));
            else {
              const pending = await db.events.where('sync').equals('pending').toArray();
              await db.events.bulkPut(pending.reverse().map((event) => ({ ...event, sync: 'accepted' as const, seq: ++seq })));
            }
          }
          await expectReportRowsFresh(db);
        } finally {
          db = kept;
          store.close();
          await store.delete();
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 25), seed: 20261201 },
    );
  }, 60_000);
});
