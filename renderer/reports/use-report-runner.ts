import { useEffect, useMemo } from 'react';
import { useServices } from '../app/services';
import { createReportRunner, type ReportRunner } from './report-runner';

/** A report runner (its own worker, started at the first report) for as long as the component is mounted. */
export function useReportRunner(): ReportRunner {
  const { db } = useServices();
  const runner = useMemo(() => createReportRunner(db), [db]);
  useEffect(() => () => runner.close(), [runner]);
  return runner;
}
