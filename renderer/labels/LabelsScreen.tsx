import { useTranslation } from 'react-i18next';
import { useServices } from '../app/services';
import type { LabelContent } from './label-content';
import { LabelSheet } from './LabelSheet';
import { labelStockIds, labelStocks, pageCount, type LabelStockId } from './stocks';
import './labels.css';

/** The labels about to print, on the stock this desk uses (remembered in its settings). */
export function LabelsScreen({ labels, onBack }: { labels: readonly LabelContent[]; onBack: () => void }) {
  const { t } = useTranslation();
  const { platform, settings, updateSettings } = useServices();
  const stock = labelStocks[settings.labelStock];
  return (
    <div className="labels-screen">
      <div className="no-print toolbar">
        <h1>{t('labels.title', { count: labels.length })}</h1>
        <label className="field">
          {t('labels.stock')}
          <select value={stock.id} onChange={(e) => void updateSettings({ ...settings, labelStock: e.target.value as LabelStockId })}>
            {labelStockIds.map((id) => (
              <option key={id} value={id}>
                {t(`labels.stocks.${id}`)}
              </option>
            ))}
          </select>
        </label>
        <span className="hint">{t('labels.pages', { count: pageCount(stock, labels.length) })}</span>
        <button type="button" className="primary" onClick={() => void platform.print()} disabled={labels.length === 0}>
          {t('labels.print')}
        </button>
        <button type="button" onClick={() => void platform.savePdf(`etiketter-${stock.id}.pdf`)} disabled={labels.length === 0}>
          {t('labels.savePdf')}
        </button>
        <button type="button" onClick={onBack}>
          {t('labels.back')}
        </button>
      </div>
      {labels.length === 0 ? <p className="hint">{t('labels.none')}</p> : <LabelSheet stock={stock} labels={labels} />}
    </div>
  );
}
