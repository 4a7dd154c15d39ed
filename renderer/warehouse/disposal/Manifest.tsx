import { useTranslation } from 'react-i18next';
import { countsByKind, type DisposalBatch } from '../../../shared/warehouse/disposal';
import { manifestTable } from '../../../shared/warehouse/tables';
import { formatDateTime } from '../../app/format';
import { localeOf } from '../../i18n';
import { Barcode } from '../../desk/Barcode';
import { PrintablePage } from '../../reports/components/PrintablePage';
import { ReportTableView } from '../../reports/components/ReportTableView';
import { useModelNames } from '../use-model-names';

/**
 * The manifest handed to the recycler with the parcel: batch barcode, recycler, WEEE category,
 * certificate, counts per kind, total weight, every device with model, identifiers, erasure
 * method and verifier, and lines for both signatures. A4 / PDF, and the device list as CSV.
 */
export function Manifest({ batch, placeName, onBack }: { batch: DisposalBatch; placeName(id: string): string; onBack(): void }) {
  const { t, i18n } = useTranslation();
  const modelName = useModelNames();
  const locale = localeOf(i18n.language);
  const weight = batch.weightKg !== undefined ? new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(batch.weightKg) : null;
  const title = t('warehouse.disposal.manifestTitle');
  return (
    <PrintablePage
      id="disposal-manifest"
      title={title}
      subtitle={`${batch.recycler} · ${batch.id}`}
      pdfName={`${title} ${batch.id}`}
      ready
      actions={
        <button type="button" onClick={onBack}>
          {t('warehouse.back')}
        </button>
      }
    >
      <div className="manifest-head">
        <figure>
          <Barcode text={batch.id} />
          <figcaption className="mono">{batch.id}</figcaption>
        </figure>
        <dl className="manifest-facts">
          <dt>{t('warehouse.disposal.recycler')}</dt>
          <dd>{batch.recycler}</dd>
          <dt>{t('warehouse.disposal.category')}</dt>
          <dd>{t(`warehouse.disposal.categories.${batch.weeeCategory}`)}</dd>
          <dt>{t('warehouse.disposal.certificate')}</dt>
          <dd data-testid="manifest-certificate">{batch.certificate ?? '–'}</dd>
          <dt>{t('warehouse.disposal.packedAt')}</dt>
          <dd>
            {placeName(batch.location)} · {batch.createdBy} · {formatDateTime(batch.createdAt, locale)}
          </dd>
          {batch.closedAt && (
            <>
              <dt>{t('warehouse.disposal.closedAt')}</dt>
              <dd>
                {batch.closedBy} · {formatDateTime(batch.closedAt, locale)}
              </dd>
            </>
          )}
          <dt>{t('warehouse.disposal.countsPerKind')}</dt>
          <dd>
            {countsByKind(batch.items)
              .map(({ kind, count }) => `${t(`kinds.${kind}`)}: ${count}`)
              .join(' · ')}{' '}
            · {t('warehouse.disposal.total', { count: batch.items.length })}
          </dd>
          <dt>{t('warehouse.disposal.weight')}</dt>
          <dd>{weight ?? t('warehouse.disposal.noWeight')}</dd>
        </dl>
      </div>
      <ReportTableView table={manifestTable(batch.items, modelName)} fileName={`${title} ${batch.id}`} />
      <div className="signatures">
        {(['handedOver', 'received'] as const).map((who) => (
          <div key={who} className="signature">
            <span className="signature-line" />
            <span>{t(`warehouse.disposal.signature.${who}`)}</span>
          </div>
        ))}
      </div>
    </PrintablePage>
  );
}
