import type { Page } from 'playwright-core';
import { ROWS_VERSION } from '../../../renderer/store/report-rows';

/**
 * Fills the desk's IndexedDB in the page with `devices` devices and `events` events, written with
 * the raw IndexedDB API in large transactions (the fastest way in), shaped exactly as the app
 * stores them. The app must have opened the database once, so its schema exists.
 */
export async function seedStore(page: Page, devices: number, events: number): Promise<number> {
  return page.evaluate(
    async ({ devices, events, digestVersion }) => {
      const started = performance.now();
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('kvikdesk');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const luhn = (body: string) => {
        let sum = 0;
        for (let i = 0; i < body.length; i++) {
          let d = body.charCodeAt(body.length - 1 - i) - 48;
          if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
          sum += d;
        }
        return (10 - (sum % 10)) % 10;
      };
      const imeiOf = (i: number) => {
        const body = `35${String(i).padStart(12, '0')}`;
        return body + luhn(body);
      };
      const types = ['received', 'prepared', 'handed_out', 'returned', 'prepared', 'handed_out', 'note', 'returned', 'sent_to_repair', 'repaired'];
      const statusAfter = ['received', 'ready', 'assigned', 'returned', 'ready', 'assigned', 'assigned', 'returned', 'in_repair', 'received'];
      const perDevice = Math.ceil(events / devices);
      const t0 = Date.UTC(2024, 11, 1);
      const iso = (ms: number) => new Date(ms).toISOString();
      const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
      const idOf = (n: number, at: number) => `${hex(Math.floor(at / 65536), 8)}-${hex(at % 65536, 4)}-7${hex(n % 4096, 3)}-8${hex(Math.floor(n / 4096) % 4096, 3)}-${hex(n, 12)}`;
      const write = (store: string, rows: unknown[]) =>
        new Promise<void>((resolve, reject) => {
          const tx = db.transaction(store, 'readwrite');
          const os = tx.objectStore(store);
          for (const row of rows) os.put(row);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
          // A transaction the browser aborts (a full disk) fires no error on the transaction itself.
          tx.onabort = () => reject(new Error(`writing ${store} was aborted: ${tx.error?.name ?? 'no reason given'}`));
        });
      let written = 0;
      const chunk = 2000;
      for (let start = 0; start < devices; start += chunk) {
        const deviceRows: unknown[] = [];
        const eventRows: unknown[] = [];
        for (let d = start; d < Math.min(devices, start + chunk); d++) {
          const imei = imeiOf(d);
          const key = `imei:${imei}`;
          const n = Math.min(perDevice, events - written);
          if (n <= 0) break;
          const base = t0 + d * 600_000;
          let lastId = '';
          let lastAt = '';
          for (let e = 0; e < n; e++) {
            const atMs = base + e * 3_600_000 * 24;
            const type = types[e % types.length] as string;
            lastId = idOf(written, Math.floor(atMs / 1000));
            lastAt = iso(atMs);
            eventRows.push({
              id: lastId,
              type,
              deviceKey: key,
              at: lastAt,
              deskId: `desk-${d % 20}`,
              operator: 'SEED',
              location: d % 2 ? 'LAGER' : 'KVIK-RH',
              data: type === 'received' ? { kind: 'phone', imei, model: 'IP15' } : type === 'handed_out' ? { employeeId: `E${d % 5000}`, department: 'BUF' } : type === 'returned' ? { condition: 'ok' } : type === 'note' ? { text: 'seeded' } : type === 'sent_to_repair' ? { vendor: 'Fixit' } : type === 'repaired' ? { outcome: 'fixed' } : { wiped: true, enrolled: true },
              sync: 'accepted',
              seq: written + 1,
            });
            written++;
          }
          const status = statusAfter[(n - 1) % statusAfter.length];
          deviceRows.push({
            key,
            kind: 'phone',
            imei,
            alternatives: [],
            model: 'IP15',
            status,
            location: d % 2 ? 'LAGER' : 'KVIK-RH',
            ...(status === 'assigned' ? { holder: { employeeId: `E${d % 5000}`, department: 'BUF', since: lastAt } } : {}),
            handouts: Math.floor(n / 3),
            receivedAt: iso(base),
            statusSince: lastAt,
            updatedAt: lastAt,
            lastEventId: lastId,
            identifiers: [imei],
            endings: [[...imei].reverse().join('')],
          });
        }
        await write('devices', deviceRows);
        for (let i = 0; i < eventRows.length; i += 5000) await write('events', eventRows.slice(i, i + 5000));
      }
      // Written past the app: its report rows are to be built from the log (a new generation makes them stale).
      await write('reportRows', [{ id: '', version: digestVersion, ready: false, generation: 1 }]);
      db.close();
      return (performance.now() - started) / 1000;
    },
    { devices, events, digestVersion: ROWS_VERSION },
  );
}
