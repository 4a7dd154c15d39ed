import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { summarizeCount, type CountScan, type Stocktake } from '../../../shared/warehouse/stocktake';
import { countResultTable } from '../../../shared/warehouse/tables';
import { formatDateTime } from '../../app/format';
import { useServices } from '../../app/services';
import { localeOf } from '../../i18n';
import { PrintablePage } from '../../reports/components/PrintablePage';
import { ReportTableView } from '../../reports/components/ReportTableView';
import { useModelNames } from '../use-model-names';
import { CountFigures } from './CountFigures';
import { countScans } from './stocktake-store';

/** A closed count's result: the figures, what was done at the close, every line; A4 / PDF and CSV. */
export function CountResult({ count, placeName, onBack }: { count: Stocktake; placeName(id: string): string; onBack(): void }) {
  const { t, i18n } = useTranslation();
  const { db } = useServices();
  const modelName = useModelNames();
  const [scans, setScans] = useState<CountScan[] | null>(null);
  useEffect(() => {
    void countScans(db, count.id).then(setScans);
  }, [db, count.id]);
  const locale = localeOf(i18n.language);
  const summary = scans && summarizeCount(count, scans);
  const where = `${placeName(count.location)}${count.kind ? ` · ${t(`kinds.${count.kind}`)}` : ''}`;
  return (
    <PrintablePage
      id="count-result"
      title={t('warehouse.count.resultTitle')}
      subtitle={`${where} · ${count.id}`}
      pdfName={`${t('warehouse.count.resultTitle')} ${count.id}`}
      ready={summary !== null}
      actions={
        <button type="button" onClick={onBack}>
          {t('warehouse.back')}
        </button>
      }
    >
      <p>
        {t('warehouse.count.startedBy', { operator: count.startedBy, at: formatDateTime(count.startedAt, locale) })}
        {count.closedAt && ` · ${t('warehouse.count.closedBy', { operator: count.closedBy ?? '', at: formatDateTime(count.closedAt, locale) })}`}
      </p>
      {summary && (
        <>
          <CountFigures summary={summary} />
          {count.actions && <p data-testid="count-actions">{t('warehouse.count.actionsTaken', { moved: count.actions.moved, lost: count.actions.reportedLost })}</p>}
          <ReportTableView table={countResultTable(summary, count.location, { model: modelName, place: placeName })} fileName={`${t('warehouse.count.resultTitle')} ${count.id}`} />
        </>
      )}
    </PrintablePage>
  );
}
