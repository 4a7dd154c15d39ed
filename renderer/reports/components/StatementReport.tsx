import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { quarterLabel, type LocalDate } from '../../../shared/reports/calendar';
import { departmentStatement, departmentStatementTables } from '../../../shared/reports/department-statement';
import { formatCell, formatDay } from '../../../shared/reports/format';
import { useServices } from '../../app/services';
import { registerHref } from '../../register/register-link';
import type { ReportRequest, StatementInputs } from '../report-request';
import { useReport } from '../use-report';
import { useReportLocale } from '../use-report-locale';
import { useReportRunner } from '../use-report-runner';
import { QuarterPicker, type QuarterlyReportProps } from './QuarterPicker';
import { ReportFrame } from './ReportFrame';
import { ReportTableView } from './ReportTableView';

/**
 * "Forvaltningsopgørelse": one department's statement for one quarter on A4 — its devices and days
 * held, the subscription, the residual value of devices lost or returned damaged, and the total.
 * What finance sends with the invoice; saved as one PDF per department and quarter.
 */
export function StatementReport({ quarter, quarters, onQuarterChange, today, settings }: QuarterlyReportProps) {
  const { t } = useTranslation();
  const { db } = useServices();
  const runner = useReportRunner();
  const [run, setRun] = useState(0);
  const departments = useLiveQuery(() => db.departments.orderBy('id').toArray(), [db]);
  const [chosen, setChosen] = useState<string | null>(null);
  const department = chosen ?? departments?.[0]?.id ?? '';
  const request = useMemo<ReportRequest>(() => ({ kind: 'statement', quarter, settings }), [quarter, settings]);
  const state = useReport(runner, request, run);
  const period = quarterLabel(quarter);
  const name = departments?.find((d) => d.id === department)?.name ?? department;
  const title = t('reports.statement.title');
  return (
    <ReportFrame
      id="report-statement"
      title={`${title}: ${name}`}
      subtitle={t('reports.statement.subtitle', { period, department })}
      pdfName={`${title} ${department} ${period}`}
      controls={
        <>
          <QuarterPicker name="statement-quarter" quarters={quarters} value={quarter} onChange={onQuarterChange} />
          <label className="field inline">
            {t('reports.statement.department')}
            <select name="statement-department" value={department} onChange={(e) => setChosen(e.target.value)}>
              {(departments ?? []).map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </label>
        </>
      }
      state={state}
      onRefresh={() => setRun((n) => n + 1)}
    >
      {(result) => result.kind === 'statement' && <StatementBody inputs={result.report} department={department} today={today} fileName={`${title} ${department} ${period}`} />}
    </ReportFrame>
  );
}

function StatementBody({ inputs, department, today, fileName }: { inputs: StatementInputs; department: string; today: LocalDate; fileName: string }) {
  const { t } = useTranslation();
  const format = useReportLocale();
  const { db } = useServices();
  const models = useLiveQuery(() => db.models.toArray(), [db]);
  const statement = useMemo(() => departmentStatement(inputs.billing, inputs.charges, department, today), [inputs, department, today]);
  const tables = useMemo(
    () => departmentStatementTables(statement, inputs.billing, (models ?? []).map((m) => [m.id, m.name] as const)),
    [statement, inputs.billing, models],
  );
  const name = (id: string) => `${fileName} ${id}`;
  const held = [...new Set(statement.lines.map((line) => line.deviceKey))];
  const lost = statement.charges.map((charge) => charge.deviceKey);
  const total = tables.totals.columns[2]!;
  return (
    <>
      <p className="hint">
        {t('reports.statement.rule', { first: formatDay(statement.firstDay, format.locale), last: formatDay(statement.lastDay, format.locale), days: statement.daysInQuarter })}
      </p>
      {statement.forecast && <p className="notice forecast">{t('reports.billing.forecast', { last: formatDay(statement.lastDay, format.locale) })}</p>}
      <p className="statement-total" data-testid="statement-total">
        {t('reports.statement.total', { amount: formatCell(total, statement.totalOre, format) })}
      </p>
      <ReportTableView
        table={tables.totals}
        fileName={name(tables.totals.id)}
        links={{
          count: (row) =>
            row.item === 'charges' ? registerHref({ keys: lost, title: t('reports.statement.chargedDevices') }) : row.item === 'devices_held' || row.item === 'subscription' ? registerHref({ keys: held, title: statement.name }) : undefined,
        }}
      />
      {statement.unpricedCharges > 0 && <p className="notice warning">{t('reports.statement.unpriced', { count: statement.unpricedCharges })}</p>}
      <ReportTableView table={tables.charges} fileName={name(tables.charges.id)} links={{ deviceKey: (row) => registerHref({ keys: [row.deviceKey] }) }} />
      <ReportTableView table={tables.lines} fileName={name(tables.lines.id)} links={{ deviceKey: (row) => registerHref({ keys: [row.deviceKey] }) }} />
    </>
  );
}
