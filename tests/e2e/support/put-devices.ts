import type { Page } from '@playwright/test';

/** A device's stored row as the register projects it, with only what a test is about set (a phone, received 3 November 2022). */
export const deviceRow = (key: string, fields: Record<string, unknown>) => {
  const at = '2022-11-03T09:00:00.000Z';
  const ids = [fields.imei, fields.serial].filter(Boolean);
  return { key, kind: 'phone', alternatives: [], handouts: 1, receivedAt: at, statusSince: at, updatedAt: at, lastEventId: `e-${key}`, identifiers: ids, ...fields };
};

/**
 * Devices written into the desk's store past the app, and its report rows (the packs the fleet
 * reports read) marked to be built again from the store, as a bootstrap's large write marks them.
 */
export async function putDevices(page: Page, rows: readonly Record<string, unknown>[]): Promise<void> {
  await page.evaluate(async (rows) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('kvikdesk');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(['devices', 'reportRows'], 'readwrite');
      for (const row of rows) tx.objectStore('devices').put(row);
      tx.objectStore('reportRows').put({ id: '', version: 0, ready: false });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, rows);
}
