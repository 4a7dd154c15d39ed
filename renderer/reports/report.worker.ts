import { KvikDb } from '../store/db';
import { produceReport } from './produce-report';
import { packForTransfer } from './report-transfer';
import { reportJobSchema, type ReportWorkerMessage } from './worker-protocol';

/**
 * The reports' worker: reads the desk's IndexedDB itself (a worker has IndexedDB), so the tens of
 * thousands of rows a report reads are cloned once, into here, and only the finished report
 * crosses to the page. The page stays responsive while a quarter is read and computed.
 */

const post = (message: ReportWorkerMessage, transfer: Transferable[] = []) => self.postMessage(message, { transfer });

// The page opened (and, the first time, created and populated) the store; this only opens it.
const stores = new Map<string, Promise<KvikDb>>();
function store(name: string): Promise<KvikDb> {
  let db = stores.get(name);
  if (!db) {
    const opening = new KvikDb(name);
    db = opening.open().then(() => opening);
    stores.set(name, db);
  }
  return db;
}

// One job at a time, in order: a new request from the page waits for the one before it (the page
// ends the worker when it no longer wants that one).
let queue: Promise<void> = Promise.resolve();

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  const job = reportJobSchema.safeParse(event.data);
  if (!job.success) {
    const id = typeof event.data === 'object' && event.data !== null && 'id' in event.data && typeof event.data.id === 'number' ? event.data.id : -1;
    post({ type: 'failed', id, message: `not a report job: ${job.error.message}` });
    return;
  }
  const { id, dbName, request } = job.data;
  const received = performance.now();
  queue = queue.then(async () => {
    try {
      const db = await store(dbName);
      const result = await produceReport(db, request, (progress) => post({ type: 'progress', id, progress }));
      // Its long lists as columns and its name tables as keys and values (`report-transfer.ts`): cheaper to clone than 80,000 objects.
      const packing = performance.now();
      const packed = packForTransfer(result);
      const sent = packed.value as typeof result;
      const posted = performance.now();
      sent.timings = { ...sent.timings, packMs: posted - packing, workMs: posted - received };
      post({ type: 'done', id, result: sent }, packed.transfer);
    } catch (error) {
      post({ type: 'failed', id, message: error instanceof Error ? error.message : String(error) });
    }
  });
});
