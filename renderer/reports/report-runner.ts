import type { KvikDb } from '../store/db';
import { produceReport } from './produce-report';
import type { ReportProgress, ReportRequest, ReportResult } from './report-request';
import { reportWorkerMessageSchema, type ReportJob } from './worker-protocol';
import { unpackTransferred } from './report-transfer';

/** What the runner needs of a Worker, so tests can hand in their own. */
export interface ReportWorkerPort {
  postMessage(job: ReportJob): void;
  addEventListener(type: 'message' | 'messageerror' | 'error', listener: (event: Event) => void): void;
  terminate(): void;
}

export function startReportWorker(): ReportWorkerPort {
  // This exact form is what Vite recognises to bundle the worker.
  return new Worker(new URL('./report.worker.ts', import.meta.url), { type: 'module', name: 'kvikdesk-reports' });
}

export interface RunOptions {
  onProgress?: (progress: ReportProgress) => void;
  /** Aborting ends the worker (a quarter's read cannot be cut short any other way); the next run starts a new one. */
  signal?: AbortSignal;
}

export interface ReportRunner {
  run(request: ReportRequest, options?: RunOptions): Promise<ReportResult>;
  close(): void;
}

export class ReportAbortedError extends Error {
  constructor() {
    super('the report was cancelled');
    this.name = 'ReportAbortedError';
  }
}

/**
 * Runs reports in a worker, one at a time. Where no worker can start (no `Worker`, as in unit
 * tests, or a worker script that fails to load) the report is produced on this thread instead:
 * slower for the page, but the team lead still gets the report. Each finished run carries its
 * round trip in its timings, and is recorded as a `report:<kind>` performance measure.
 */
export function createReportRunner(
  db: KvikDb,
  startWorker: (() => ReportWorkerPort) | null = typeof Worker === 'undefined' ? null : startReportWorker,
): ReportRunner {
  let worker: ReportWorkerPort | null = null;
  let broken = startWorker === null;
  let nextId = 1;
  const pending = new Map<number, { resolve(result: ReportResult): void; reject(error: Error): void; onProgress?: ((progress: ReportProgress) => void) | undefined }>();

  const failAll = (error: Error) => {
    for (const job of pending.values()) job.reject(error);
    pending.clear();
  };

  const ensureWorker = (): ReportWorkerPort => {
    if (worker) return worker;
    if (!startWorker) throw new Error('no worker');
    const started = startWorker();
    started.addEventListener('message', (event) => {
      const parsed = reportWorkerMessageSchema.safeParse('data' in event ? event.data : undefined);
      if (!parsed.success) return failAll(new Error(`the report worker answered something else: ${parsed.error.message}`));
      const message = parsed.data;
      const job = pending.get(message.id);
      if (!job) return;
      if (message.type === 'progress') return job.onProgress?.(message.progress);
      pending.delete(message.id);
      if (message.type === 'done') job.resolve(unpackTransferred(message.result) as ReportResult);
      else job.reject(new Error(message.message));
    });
    started.addEventListener('error', (event) => {
      // The script did not load or threw at the top: no report will come from it.
      broken = true;
      worker = null;
      started.terminate();
      const detail = 'message' in event && typeof event.message === 'string' && event.message ? event.message : 'could not start';
      failAll(new WorkerStartError(detail));
    });
    started.addEventListener('messageerror', () => failAll(new Error('the report worker sent a message that could not be read')));
    worker = started;
    return started;
  };

  const inWorker = (request: ReportRequest, options: RunOptions): Promise<ReportResult> => {
    const port = ensureWorker();
    const id = nextId++;
    return new Promise<ReportResult>((resolve, reject) => {
      pending.set(id, { resolve, reject, onProgress: options.onProgress });
      options.signal?.addEventListener('abort', () => {
        if (!pending.has(id)) return;
        port.terminate();
        if (worker === port) worker = null;
        // Every job queued in that worker ends with it.
        failAll(new ReportAbortedError());
      });
      port.postMessage({ id, dbName: db.name, request });
    });
  };

  return {
    async run(request, options = {}) {
      if (options.signal?.aborted) throw new ReportAbortedError();
      const started = performance.now();
      let result: ReportResult;
      try {
        result = broken ? await produceReport(db, request, options.onProgress) : await inWorker(request, options);
      } catch (error) {
        if (!(error instanceof WorkerStartError)) throw error;
        console.error(`reports: ${error.message}; computing on the page instead`);
        result = await produceReport(db, request, options.onProgress);
      }
      const ended = performance.now();
      const roundTripMs = ended - started;
      const { workMs } = result.timings;
      const timings = { ...result.timings, roundTripMs, ...(workMs === undefined ? {} : { handoverMs: roundTripMs - workMs }) };
      performance.measure(`report:${request.kind}`, { start: started, end: ended, detail: timings });
      return { ...result, timings };
    },
    close() {
      worker?.terminate();
      worker = null;
      failAll(new ReportAbortedError());
    },
  };
}

class WorkerStartError extends Error {
  constructor(detail: string) {
    super(`the report worker failed: ${detail}`);
    this.name = 'WorkerStartError';
  }
}
