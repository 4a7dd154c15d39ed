import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { weeeCategories, type WeeeCategory } from '../../../shared/domain/device';
import type { DisposalBatch } from '../../../shared/warehouse/disposal';
import { formatDateTime } from '../../app/format';
import { useServices } from '../../app/services';
import type { ScanInput } from '../../app/use-scan-input';
import { localeOf } from '../../i18n';
import type { ScanClaim } from '../use-flow-scans';
import { usePlaceNames } from '../use-place-names';
import { BatchView } from './BatchView';
import { batchesWithStatus, createBatch } from './disposal-store';
import { Manifest } from './Manifest';

interface Props {
  scanInput: ScanInput;
  claimScans(claim: ScanClaim | null): void;
  /** A batch to show first (from a device's history). */
  batchId?: string | undefined;
}

/** Bortskaffelse: open a batch for a recycler, scan devices in with their evidence, close it, print its manifest. */
export function DisposalTab({ scanInput, claimScans, batchId }: Props) {
  const { t, i18n } = useTranslation();
  const { db, settings, session } = useServices();
  const { placeName } = usePlaceNames();
  const open = useLiveQuery(() => batchesWithStatus(db, 'open'), [db]);
  const closed = useLiveQuery(() => batchesWithStatus(db, 'closed'), [db]);
  const linked = useLiveQuery(async () => (batchId ? ((await db.disposalBatches.get(batchId)) ?? null) : null), [db, batchId]);
  // `undefined`: nothing chosen yet, so the linked batch shows; `null`: the list.
  const [chosen, setChosen] = useState<DisposalBatch | null | undefined>(undefined);
  const [recycler, setRecycler] = useState('');
  const [category, setCategory] = useState<WeeeCategory>('small_it');
  const [problem, setProblem] = useState(false);
  const locale = localeOf(i18n.language);

  const shown = chosen === undefined ? (linked ?? null) : chosen;
  if (!open || !closed || linked === undefined) return <p>{t('app.loading')}</p>;
  if (shown?.status === 'open')
    return <BatchView key={shown.id} batch={shown} scanInput={scanInput} claimScans={claimScans} onClosed={setChosen} onLeave={() => setChosen(null)} />;
  if (shown?.status === 'closed') return <Manifest batch={shown} placeName={placeName} onBack={() => setChosen(null)} />;

  const create = async () => {
    if (!session) return;
    if (!recycler.trim()) return setProblem(true);
    setChosen(await createBatch(db, { deskId: settings.deskId, operator: session.operator, location: session.location }, recycler.trim(), category));
  };
  const row = (batch: DisposalBatch, action: string) => (
    <li key={batch.id} data-batch={batch.id}>
      <span className="mono">{batch.id}</span> · {batch.recycler} · {t(`warehouse.disposal.categories.${batch.weeeCategory}`)} ·{' '}
      {t('warehouse.disposal.total', { count: batch.items.length })} · {formatDateTime(batch.createdAt, locale)}{' '}
      <button type="button" onClick={() => setChosen(batch)}>
        {action}
      </button>
    </li>
  );
  return (
    <div className="disposal-start">
      <section className="card">
        <h2>{t('warehouse.disposal.new')}</h2>
        <div className="report-controls">
          <label className="field inline">
            {t('warehouse.disposal.recycler')}
            <input name="batch-recycler" value={recycler} onChange={(e) => (setRecycler(e.target.value), setProblem(false))} />
          </label>
          <label className="field inline">
            {t('warehouse.disposal.category')}
            <select name="batch-category" value={category} onChange={(e) => setCategory(e.target.value as WeeeCategory)}>
              {weeeCategories.map((c) => (
                <option key={c} value={c}>
                  {t(`warehouse.disposal.categories.${c}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="primary" onClick={() => void create()}>
            {t('warehouse.disposal.create')}
          </button>
        </div>
        {problem && (
          <p className="notice error" role="alert">
            {t('warehouse.disposal.needRecycler')}
          </p>
        )}
      </section>
      {open.length > 0 && (
        <section className="card">
          <h2>{t('warehouse.disposal.open')}</h2>
          <ul className="flow-list">{open.map((b) => row(b, t('warehouse.disposal.continue')))}</ul>
        </section>
      )}
      {closed.length > 0 && (
        <section className="card">
          <h2>{t('warehouse.disposal.closed')}</h2>
          <ul className="flow-list">{closed.map((b) => row(b, t('warehouse.disposal.showManifest')))}</ul>
        </section>
      )}
    </div>
  );
}
