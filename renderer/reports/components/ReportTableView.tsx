import { useTranslation } from 'react-i18next';
import { formatCell } from '../../../shared/reports/format';
import type { Column, ReportTable } from '../../../shared/reports/tables';
import { useReportLocale } from '../use-report-locale';
import { CsvButton } from './CsvButton';

interface Props<Row> {
  table: ReportTable<Row>;
  /** The CSV file's name, without `.csv`. */
  fileName: string;
  csvHeader?: 'label' | 'key';
  /** A totals row under the rows (screen and print only; the CSV holds the rows). */
  totals?: Partial<Record<keyof Row & string, unknown>>;
  /** Show at most this many rows; the CSV always has all. */
  limit?: number;
  /** Cells that link to the devices behind them: column key → the register's address for a row. */
  links?: Partial<Record<keyof Row & string, (row: Row) => string | undefined>>;
}

const numeric = new Set(['integer', 'decimal', 'money', 'percent']);

/** One report table as the screen and the printout show it, with its CSV export. */
export function ReportTableView<Row>({ table, fileName, csvHeader, totals, limit, links }: Props<Row>) {
  const { t } = useTranslation();
  const format = useReportLocale();
  const shown = limit !== undefined && table.rows.length > limit ? table.rows.slice(0, limit) : table.rows;
  const cellClass = (column: Column<Row>) => (numeric.has(column.type) ? 'num' : column.type === 'date' ? 'date' : undefined);
  return (
    <section className="report-table" data-table={table.id}>
      <div className="report-table-head">
        <h2>{table.title[format.language]}</h2>
        <CsvButton table={table} fileName={fileName} header={csvHeader} />
      </div>
      <table data-testid={`table-${table.id}`}>
        <thead>
          <tr>
            {table.columns.map((column) => (
              <th key={column.key} className={cellClass(column)} scope="col">
                {column.label[format.language]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.length === 0 ? (
            <tr className="empty-row">
              <td colSpan={table.columns.length}>{t('reports.none')}</td>
            </tr>
          ) : (
            shown.map((row, index) => (
              <tr key={index}>
                {table.columns.map((column) => {
                  const text = formatCell(column, row[column.key], format);
                  const href = links?.[column.key]?.(row);
                  const tone = column.tones?.[String(row[column.key])];
                  return (
                    <td key={column.key} className={[cellClass(column), tone && `tone-${tone}`].filter(Boolean).join(' ') || undefined} data-column={column.key} data-tone={tone}>
                      {href ? <a href={href}>{text}</a> : text}
                    </td>
                  );
                })}
              </tr>
            ))
          )}
        </tbody>
        {totals && (
          <tfoot>
            <tr>
              {table.columns.map((column, index) => (
                <td key={column.key} className={cellClass(column)} data-column={column.key}>
                  {index === 0 ? t('reports.total') : column.key in totals ? formatCell(column, totals[column.key], format) : ''}
                </td>
              ))}
            </tr>
          </tfoot>
        )}
      </table>
      {shown.length < table.rows.length && <p className="hint">{t('reports.rowsShown', { shown: shown.length, total: table.rows.length })}</p>}
    </section>
  );
}
