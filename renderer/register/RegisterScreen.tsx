import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceFilter } from '../../shared/register/device-filter';
import { registerRow, registerTable } from '../../shared/register/register-table';
import { useServices } from '../app/services';
import { CsvButton } from '../reports/components/CsvButton';
import { ReportTableView } from '../reports/components/ReportTableView';
import { formatPrintedAt, printPageCss } from '../reports/print-page';
import { useReportLocale } from '../reports/use-report-locale';
import { DeviceDetail } from './DeviceDetail';
import { DeviceFilterBar } from './DeviceFilterBar';
import { DeviceTable } from './DeviceTable';
import { EmployeeView } from './EmployeeView';
import { registerHref } from './register-link';
import { useRegister } from './use-register';
import { useRegisterNames } from './use-register-names';

/** Rows a printout carries at most: about 90 A4 pages; the CSV has them all. */
const PRINT_LIMIT = 4_000;

type View = 'devices' | 'employees';

/**
 * Enheder: every device of the register, filtered and searched, in a virtualised table that
 * exports as CSV and prints on A4; a row opens the device's card. Medarbejdere: what an employee
 * holds now and held before. The filter lives in the address (`register-link.ts`), so a report,
 * the lookup or the desk can open the register on exactly the devices it means.
 */
export function RegisterScreen({ initialFilter }: { initialFilter: DeviceFilter }) {
  const { t } = useTranslation();
  const { db, session } = useServices();
  const { locale } = useReportLocale();
  const [view, setView] = useState<View>('devices');
  const [filter, setFilter] = useState<DeviceFilter>(initialFilter);
  const [open, setOpen] = useState<string | null>(null);
  const names = useRegisterNames(db);
  // Read again on coming back from a card: a correction or a void there changes the list.
  const progress = useRegister(db, filter, names, open);
  const table = useMemo(
    () => registerTable(names ? progress.matches.map((device) => registerRow(device, names, progress.nowMs)) : []),
    [progress, names],
  );

  // The address follows the filter without a new history entry per keystroke.
  useEffect(() => {
    window.history.replaceState(null, '', registerHref(filter));
  }, [filter]);

  const title = filter.title ?? t('register.title');
  const print = () => void window.print();

  return (
    <div className="register" data-testid="register">
      <style>
        {printPageCss({
          title: `${title} · ${t('register.count', { count: table.rows.length })}`,
          printed: t('reports.printedBy', { operator: session?.operator ?? '', at: formatPrintedAt(new Date().toISOString(), locale) }),
          pageOf: t('reports.pageOf'),
        })}
      </style>
      <div className="tabs no-print" role="tablist">
        {(['devices', 'employees'] as const).map((v) => (
          <button key={v} type="button" role="tab" aria-selected={view === v} onClick={() => setView(v)}>
            {t(`register.views.${v}`)}
          </button>
        ))}
      </div>
      {open ? (
        <DeviceDetail deviceKey={open} onClose={() => setOpen(null)} />
      ) : view === 'employees' ? (
        <EmployeeView onOpenDevice={setOpen} />
      ) : (
        <>
          <header className="register-head">
            <h1>{title}</h1>
            <span className="counter" data-testid="register-count" data-done={progress.done}>
              {t('register.count', { count: table.rows.length })}
            </span>
            <span className="spacer" />
            {filter.title && (
              <button type="button" className="no-print" onClick={() => setFilter({})}>
                {t('register.showAll')}
              </button>
            )}
            <CsvButton table={table} fileName={`${title} ${new Date().toISOString().slice(0, 10)}`} />
            <button type="button" className="no-print" disabled={!progress.done} onClick={print}>
              {t('reports.print')}
            </button>
          </header>
          <DeviceFilterBar filter={filter} onChange={setFilter} holderName={filter.holder ? names?.employee(filter.holder) : undefined} />
          {!progress.done && (
            <progress className="no-print" max={progress.total || 1} value={progress.total ? progress.read : undefined} aria-label={t('register.reading', { read: progress.read, total: progress.total })} />
          )}
          {progress.done && table.rows.length === 0 && <p className="hint">{t('register.none')}</p>}
          <DeviceTable table={table} onOpen={setOpen} />
          {/* Printed once the read is done (the Print button waits for it too): not rebuilt with every page read. */}
          {progress.done && (
            <div className="print-only">
              <ReportTableView table={table} fileName={title} limit={PRINT_LIMIT} />
            </div>
          )}
        </>
      )}
    </div>
  );
}
