import { useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { formatCell } from '../../shared/reports/format';
import type { ReportTable } from '../../shared/reports/tables';
import type { RegisterRow } from '../../shared/register/register-table';
import { useReportLocale } from '../reports/use-report-locale';

const ROW_HEIGHT = 36;
const COLUMNS = '1.3fr 0.8fr 0.6fr 1fr 1fr 0.9fr 1.1fr 0.9fr 1.4fr 0.5fr';

/**
 * The register's rows, virtualised: only what is in view is in the page, so 100,000 devices scroll
 * as smoothly as ten. The columns are the register table's (`registerTable`), as CSV and print have them.
 */
export function DeviceTable({ table, onOpen }: { table: ReportTable<RegisterRow>; onOpen(key: string): void }) {
  const format = useReportLocale();
  const scroller = useRef<HTMLDivElement>(null);
  const { rows, columns } = table;
  // TanStack Virtual returns fresh functions each render, which the React Compiler cannot memoise;
  // this app does not compile with it, so the rule's warning does not apply.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  return (
    <div className="register-table no-print" role="table" aria-rowcount={rows.length}>
      <div className="grid-head" role="row" style={{ gridTemplateColumns: COLUMNS }}>
        {columns.map((column) => (
          <span key={column.key} role="columnheader">
            {column.label[format.language]}
          </span>
        ))}
      </div>
      <div ref={scroller} className="grid-body" data-testid="register-rows">
        <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
          {virtual.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <button
                key={row.key}
                type="button"
                role="row"
                className="grid-row register-row"
                data-device-key={row.key}
                data-status={row.status}
                style={{ position: 'absolute', top: item.start, height: ROW_HEIGHT, gridTemplateColumns: COLUMNS }}
                onClick={() => onOpen(row.key)}
              >
                {columns.map((column) => (
                  <span key={column.key} role="cell" data-column={column.key} className={column.key === 'identifier' ? 'mono' : undefined}>
                    {formatCell(column, row[column.key], format)}
                  </span>
                ))}
              </button>
            );
          })}
        </div>
      </div>
    </div>
  );
}
