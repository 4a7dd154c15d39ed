import { useEffect, useState } from 'react';
import { ReportAbortedError, type ReportRunner } from './report-runner';
import type { ReportProgress, ReportRequest, ReportResult } from './report-request';

export type ReportState =
  | { status: 'running'; progress: ReportProgress | null }
  | { status: 'done'; result: ReportResult }
  | { status: 'failed'; message: string };

interface Answer<T> {
  request: ReportRequest;
  run: number;
  value: T;
}

/**
 * Runs `request` (memoised by the caller: a new object is a new report) and again on each new
 * `run` (the refresh button). A report asked for while another runs ends that one. What is shown
 * always belongs to the current request: answers for an earlier one are dropped. A `null` request
 * waits (shown as running, before any progress) until the caller has one.
 */
export function useReport(runner: ReportRunner, request: ReportRequest | null, run: number): ReportState {
  const [answer, setAnswer] = useState<Answer<ReportState> | null>(null);
  const [progress, setProgress] = useState<Answer<ReportProgress> | null>(null);

  useEffect(() => {
    if (request === null) return;
    const controller = new AbortController();
    runner
      .run(request, { signal: controller.signal, onProgress: (value) => setProgress({ request, run, value }) })
      .then(
        (result) => setAnswer({ request, run, value: { status: 'done', result } }),
        (error: unknown) => {
          if (error instanceof ReportAbortedError) return;
          setAnswer({ request, run, value: { status: 'failed', message: error instanceof Error ? error.message : String(error) } });
        },
      );
    return () => controller.abort();
  }, [runner, request, run]);

  if (answer && answer.request === request && answer.run === run) return answer.value;
  return { status: 'running', progress: progress && progress.request === request && progress.run === run ? progress.value : null };
}
