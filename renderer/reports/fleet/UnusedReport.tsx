import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalDate } from '../../../shared/reports/calendar';
import { formatDay } from '../../../shared/reports/format';
import type { Label } from '../../../shared/reports/labels';
import type { ReportSettings } from '../../../shared/reports/settings';
import { registerHref } from '../../register/register-link';
import { GlanceFigures } from '../components/GlanceFigures';
import { ReportFrame } from '../components/ReportFrame';
import { ReportTableView } from '../components/ReportTableView';
import type { ReportRequest } from '../report-request';
import { useReport } from '../use-report';
import { useReportLocale } from '../use-report-locale';
import { useReportRunner } from '../use-report-runner';
import type { UnusedResult } from './unused-report';

/** The screen shows this many devices of each list; their CSVs have every one. */
const DEVICE_ROWS = 200;

/**
 * "Ubrugte enheder": the devices that could be handed out again (the seeds' ~900 unused PCs) —
 * on the shelf over the idle limit, and handed out but unused by the last Intune reconciliation —
 * by department and model. Every count opens the register on its devices.
 */
export function UnusedReport({ today, settings, onOpenIntune }: { today: LocalDate; settings: ReportSettings; onOpenIntune(): void }) {
  const { t } = useTranslation();
  const { locale } = useReportLocale();
  const runner = useReportRunner();
  const [run, setRun] = useState(0);
  const request = useMemo<ReportRequest>(() => ({ kind: 'unused', today, settings }), [today, settings]);
  const state = useReport(runner, request, run);
  const title = t('reports.unused.title');
  return (
    <ReportFrame
      id="report-unused"
      title={title}
      subtitle={t('reports.unused.subtitle', { today: formatDay(today, locale), days: settings.idleDays })}
      pdfName={`${title} ${today}`}
      controls={null}
      state={state}
      onRefresh={() => setRun((n) => n + 1)}
    >
      {(result) => result.kind === 'unused' && <UnusedBody result={result.report} fileName={`${title} ${today}`} onOpenIntune={onOpenIntune} />}
    </ReportFrame>
  );
}

function UnusedBody({ result, fileName, onOpenIntune }: { result: UnusedResult; fileName: string; onOpenIntune(): void }) {
  const { t } = useTranslation();
  const { locale, language } = useReportLocale();
  const { report, tables } = result;
  const name = (id: string) => `${fileName} ${id}`;
  const departmentName = (id: string) => (tables.summary.columns[0]?.values?.[id] as Label | undefined)?.[language] ?? id;
  const link = (keys: readonly string[], what: string) => (keys.length === 0 ? undefined : registerHref({ keys: [...keys], title: what }));
  const idleWords = t('reports.unused.idle', { days: report.idleDays });
  const unusedWords = t('reports.unused.unused');
  const idleFigure = t('reports.unused.idleFigure', { days: report.idleDays });
  const unusedFigure = t('reports.unused.unusedFigure');
  return (
    <>
      <p className="hint">{t('reports.unused.rule', { days: report.idleDays })}</p>
      <GlanceFigures
        figures={[
          { id: 'idle', label: idleFigure, value: report.idle.length, devices: { keys: report.idle.map((d) => d.deviceKey), title: idleFigure } },
          ...(report.evidence ? [{ id: 'unused', label: unusedFigure, value: report.unused.length, devices: { keys: report.unused.map((d) => d.deviceKey), title: unusedFigure } }] : []),
        ]}
      />
      {report.evidence ? (
        <p className="hint" data-testid="intune-source">
          {t('reports.unused.evidence', { file: report.evidence.file, day: formatDay(report.evidence.day, locale) })}
          {report.evidence.noLongerHandedOut.length > 0 && <> {t('reports.unused.handedBack', { count: report.evidence.noLongerHandedOut.length })}</>}
        </p>
      ) : (
        <p className="notice warning" data-testid="no-intune">
          {t('reports.unused.noEvidence')}{' '}
          <button type="button" className="link no-print" onClick={onOpenIntune}>
            {t('reports.unused.openIntune')}
          </button>
        </p>
      )}
      <ReportTableView
        table={tables.summary}
        fileName={name(tables.summary.id)}
        totals={{ idle: report.idle.length, unused: report.unused.length, total: report.idle.length + report.unused.length }}
        links={{
          idle: (row) => link(row.idleKeys, `${departmentName(row.department)}: ${idleWords}`),
          unused: (row) => link(row.unusedKeys, `${departmentName(row.department)}: ${unusedWords}`),
          total: (row) => link([...row.idleKeys, ...row.unusedKeys], departmentName(row.department)),
        }}
      />
      <ReportTableView table={tables.idleGroups} fileName={name(tables.idleGroups.id)} links={{ count: (row) => link(row.keys, `${departmentName(row.department)}: ${idleWords}`) }} />
      {report.evidence && (
        <ReportTableView table={tables.unusedGroups} fileName={name(tables.unusedGroups.id)} links={{ count: (row) => link(row.keys, `${departmentName(row.department)}: ${unusedWords}`) }} />
      )}
      <ReportTableView table={tables.idleDevices} fileName={name(tables.idleDevices.id)} limit={DEVICE_ROWS} links={{ deviceKey: (row) => registerHref({ keys: [row.deviceKey] }) }} />
      {report.evidence && (
        <ReportTableView table={tables.unusedDevices} fileName={name(tables.unusedDevices.id)} limit={DEVICE_ROWS} links={{ deviceKey: (row) => registerHref({ keys: [row.deviceKey] }) }} />
      )}
    </>
  );
}
