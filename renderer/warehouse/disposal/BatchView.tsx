import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Erasure } from '../../../shared/domain/event';
import type { ScanEvent } from '../../../shared/scan/scan-event';
import { countsByKind, type DisposalBatch } from '../../../shared/warehouse/disposal';
import { localDayOf, defaultTimeZone } from '../../../shared/reports/calendar';
import { useServices } from '../../app/services';
import { useMay } from '../../app/use-may';
import { useNewestFeedback } from '../../app/use-newest-feedback';
import type { ScanInput } from '../../app/use-scan-input';
import { Barcode } from '../../desk/Barcode';
import { FeedbackPanel } from '../../desk/FeedbackPanel';
import { ManualEntry } from '../../desk/ManualEntry';
import type { ScanClaim } from '../use-flow-scans';
import { CloseBatchForm } from './CloseBatchForm';
import { EvidenceForm } from './EvidenceForm';
import { leaveBatch } from './disposal-store';
import { useBatchScans } from './use-batch';

interface Props {
  batch: DisposalBatch;
  scanInput: ScanInput;
  claimScans(claim: ScanClaim | null): void;
  onClosed(batch: DisposalBatch): void;
  onLeave(): void;
}

/** An open disposal batch: set the erasure evidence, scan the devices in, and (team lead) close it. */
export function BatchView({ batch: initial, scanInput, claimScans, onClosed, onLeave }: Props) {
  const { t } = useTranslation();
  const { db, session } = useServices();
  const mayClose = useMay('disposal.close');
  const [erasure, setErasure] = useState<Erasure>(() => ({
    method: 'purge',
    tool: '',
    verified: true,
    verifiedBy: session?.operator ?? '',
    date: localDayOf(Date.now(), defaultTimeZone),
  }));
  const { batch, setBatch, feedback, claim } = useBatchScans(initial, erasure);
  const shown = useNewestFeedback(feedback, scanInput.scanAgain);
  const [closing, setClosing] = useState(false);

  useEffect(() => {
    claimScans(closing ? null : claim);
    return () => claimScans(null);
  }, [claim, claimScans, closing]);
  const typed = useCallback((raw: string) => void claim({ raw, source: 'manual', at: Date.now() } satisfies ScanEvent), [claim]);

  const remove = async (deviceKey: string) => {
    await leaveBatch(db, batch.id, deviceKey);
    const next = await db.disposalBatches.get(batch.id);
    if (next) setBatch(next);
  };

  return (
    <div className="disposal-batch" data-batch={batch.id}>
      <header className="flow-head">
        <h1>{t('warehouse.disposal.batchTitle', { recycler: batch.recycler })}</h1>
        <span>{t(`warehouse.disposal.categories.${batch.weeeCategory}`)}</span>
        <Barcode text={batch.id} />
      </header>
      {closing ? (
        <CloseBatchForm batch={batch} onCancel={() => setClosing(false)} onClosed={onClosed} />
      ) : (
        <div className="desk-grid">
          <section className="desk-left">
            <EvidenceForm erasure={erasure} onChange={setErasure} />
            <FeedbackPanel feedback={shown} onSuggestion={() => {}} />
            <div className="desk-actions">
              <ManualEntry onSubmit={typed} />
              <button type="button" onClick={onLeave}>
                {t('warehouse.back')}
              </button>
              <button type="button" className="primary" disabled={!mayClose || batch.items.length === 0} onClick={() => setClosing(true)}>
                {t('warehouse.disposal.close')}
              </button>
            </div>
            {!mayClose && <p className="hint">{t('warehouse.teamLeadOnly')}</p>}
          </section>
          <section className="desk-right">
            <h2>
              {t('warehouse.disposal.devices')}{' '}
              <span className="counter" data-testid="batch-item-count">
                {batch.items.length}
              </span>
            </h2>
            <p>{countsByKind(batch.items).map(({ kind, count }) => `${t(`kinds.${kind}`)}: ${count}`).join(' · ')}</p>
            <table className="batch-list" data-testid="batch-items">
              <tbody>
                {[...batch.items].reverse().map((item) => (
                  <tr key={item.deviceKey}>
                    <td className="mono">{item.imei ?? item.serial ?? item.deviceKey}</td>
                    <td>{t(`warehouse.disposal.methods.${item.erasure.method}`)}</td>
                    <td>{item.erasure.verifiedBy}</td>
                    <td>
                      <button type="button" onClick={() => void remove(item.deviceKey)}>
                        {t('warehouse.disposal.remove')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </div>
      )}
    </div>
  );
}
