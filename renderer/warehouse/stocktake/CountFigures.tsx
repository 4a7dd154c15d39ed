import { useTranslation } from 'react-i18next';
import type { CountSummary } from '../../../shared/warehouse/stocktake';

/** Expected, found, missing, unexpected and unknown, as figure tiles (screen and print). */
export function CountFigures({ summary }: { summary: CountSummary }) {
  const { t } = useTranslation();
  const figures = [
    ['expected', summary.expected],
    ['found', summary.found.length],
    ['missing', summary.missing.length],
    ['unexpected', summary.unexpected.length],
    ['unknown', summary.unknown.length],
  ] as const;
  return (
    <dl className="glance">
      {figures.map(([id, value]) => (
        <div key={id} className="glance-figure" data-figure={id}>
          <dt>{t(`warehouse.count.figures.${id}`)}</dt>
          <dd>
            <span className="glance-value">{value}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
