import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { defaultReportSettings } from '../../shared/reports/settings';
import type { KvikDb } from '../store/db';
import { openDb } from '../store/open';
import { produceReport } from './produce-report';
import { createReportRunner, ReportAbortedError, type ReportWorkerPort } from './report-runner';
import type { ReportProgress, ReportRequest, ReportResult } from './report-request';
import type { ReportJob } from './worker-protocol';

/** A worker the test answers for. */
class FakeWorker extends EventTarget implements ReportWorkerPort {
  jobs: ReportJob[] = [];
  terminated = false;
  postMessage(job: ReportJob): void {
    this.jobs.push(job);
  }
  terminate(): void {
    this.terminated = true;
  }
  send(data: unknown): void {
    this.dispatchEvent(new MessageEvent('message', { data }));
  }
}

const request: ReportRequest = { kind: 'daily', location: 'LAGER', day: '2026-11-24', settings: defaultReportSettings };
let db: KvikDb;
/** A real report (of an empty store) for the fake worker to answer with. */
let result: ReportResult;
beforeAll(async () => {
  db = await openDb('report-runner-test');
  result = await produceReport(db, request);
});
afterAll(async () => {
  db.close();
  await db.delete();
});

function setUp() {
  const workers: FakeWorker[] = [];
  const runner = createReportRunner(db, () => {
    const worker = new FakeWorker();
    workers.push(worker);
    return worker;
  });
  return { runner, workers };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createReportRunner', () => {
  it('sends the job to the worker, passes its progress on and resolves with its report', async () => {
    const { runner, workers } = setUp();
    const progress: ReportProgress[] = [];
    const running = runner.run(request, { onProgress: (p) => progress.push(p) });
    await tick();
    const [worker] = workers;
    expect(worker?.jobs).toEqual([{ id: 1, dbName: 'report-runner-test', request }]);
    worker?.send({ type: 'progress', id: 1, progress: { phase: 'histories', done: 1, total: 3 } });
    worker?.send({ type: 'progress', id: 99, progress: { phase: 'computing' } }); // someone else's
    worker?.send({ type: 'done', id: 1, result });
    const answer = await running;
    expect(answer).toEqual({ ...result, timings: { ...result.timings, roundTripMs: expect.any(Number) } });
    expect(progress).toEqual([{ phase: 'histories', done: 1, total: 3 }]);
    const measure = performance.getEntriesByName('report:daily').at(-1);
    expect(measure).toMatchObject({ entryType: 'measure', detail: answer.timings });
  });

  it('rejects with the worker’s failure, and with a broken answer', async () => {
    const { runner, workers } = setUp();
    const failing = runner.run(request);
    await tick();
    workers[0]?.send({ type: 'failed', id: 1, message: 'QuotaExceededError' });
    await expect(failing).rejects.toThrow('QuotaExceededError');
    const garbled = runner.run(request);
    await tick();
    workers[0]?.send({ type: 'done', id: 2 });
    await expect(garbled).rejects.toThrow('the report worker answered something else');
  });

  it('ends the worker when the report is no longer wanted, and starts a new one for the next', async () => {
    const { runner, workers } = setUp();
    const controller = new AbortController();
    const abandoned = runner.run(request, { signal: controller.signal });
    await tick();
    controller.abort();
    await expect(abandoned).rejects.toBeInstanceOf(ReportAbortedError);
    expect(workers[0]?.terminated).toBe(true);
    const next = runner.run(request);
    await tick();
    expect(workers).toHaveLength(2);
    workers[1]?.send({ type: 'done', id: 2, result });
    expect((await next).kind).toBe('daily');
  });

  it('computes on the page when the worker cannot start, and keeps doing so', async () => {
    const { runner, workers } = setUp();
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const running = runner.run(request);
    await tick();
    workers[0]?.dispatchEvent(Object.assign(new Event('error'), { message: 'blocked by CSP' }));
    const fallback = await running;
    expect(fallback.kind).toBe('daily');
    expect(fallback.kind === 'daily' && fallback.report.location).toBe('LAGER');
    expect(error).toHaveBeenCalledWith(expect.stringContaining('blocked by CSP'));
    await runner.run(request);
    expect(workers).toHaveLength(1);
    error.mockRestore();
  });

  it('computes on the page where there are no workers at all', async () => {
    const runner = createReportRunner(db, null);
    const computed = await runner.run({ kind: 'billing', quarter: { year: 2026, quarter: 4 }, settings: defaultReportSettings });
    expect(computed.kind === 'billing' && computed.report.period).toBe('2026-Q4');
  });
});
