import { useTranslation } from 'react-i18next';
import { tableToCsv, type ReportTable } from '../../../shared/reports/tables';
import { downloadText, fileNameOf } from '../csv-download';
import { useReportLocale } from '../use-report-locale';

/**
 * Downloads a table as CSV for Excel (UTF-8 with BOM, `;`). `header: 'key'` gives the stable column
 * names and raw codes a finance import reads, whatever the operator's language.
 */
export function CsvButton<Row>({ table, fileName, header = 'label' }: { table: ReportTable<Row>; fileName: string; header?: 'label' | 'key' }) {
  const { t } = useTranslation();
  const { language } = useReportLocale();
  return (
    <button
      type="button"
      className="csv no-print"
      data-csv={table.id}
      title={t('reports.csvTitle')}
      onClick={() => downloadText(tableToCsv(table, { language, header }), `${fileNameOf(fileName)}.csv`)}
    >
      {header === 'key' ? t('reports.csvFinance') : t('reports.csv')}
    </button>
  );
}
