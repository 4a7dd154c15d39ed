import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { closeBatchSchema, countsByKind, type DisposalBatch } from '../../../shared/warehouse/disposal';
import { useServices } from '../../app/services';
import { closeBatch } from './disposal-store';

/**
 * Closing a batch (team lead): the recycler's certificate number (required) and the weight (if
 * the scale said it). Every device is disposed of with it, or — if the lifecycle now refuses one —
 * none, and the devices in the way are named.
 */
export function CloseBatchForm({ batch, onCancel, onClosed }: { batch: DisposalBatch; onCancel(): void; onClosed(batch: DisposalBatch): void }) {
  const { t } = useTranslation();
  const { db, settings, session } = useServices();
  const [certificate, setCertificate] = useState('');
  const [weight, setWeight] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const close = async () => {
    if (!session) return;
    const input = closeBatchSchema.safeParse({ certificate, ...(weight.trim() ? { weightKg: Number(weight.replace(',', '.')) } : {}) });
    if (!input.success) return setProblem(t(certificate.trim() ? 'warehouse.disposal.badWeight' : 'warehouse.disposal.needCertificate'));
    const ctx = { deskId: settings.deskId, operator: session.operator, location: session.location };
    setProblem(null);
    const outcome = await closeBatch(db, ctx, batch.id, input.data).catch((error: unknown) => {
      setProblem(t('feedback.storageFailed', { message: error instanceof Error ? error.message : String(error) }));
      return null;
    });
    if (!outcome) return;
    if (outcome.ok) return onClosed(outcome.batch);
    setProblem(
      t('warehouse.disposal.blocked', {
        devices: outcome.blocked.map((b) => `${b.deviceKey.replace(/^(imei|serial):/, '')} (${t(`refusals.${b.refusal.code}`, { status: t(`statuses.${b.refusal.status}`) })})`).join(', '),
      }),
    );
  };

  return (
    <section className="card close-batch" data-testid="close-batch">
      <h2>{t('warehouse.disposal.closeTitle')}</h2>
      <p>
        {t('warehouse.disposal.closeSummary', { count: batch.items.length })} ({countsByKind(batch.items).map(({ kind, count }) => `${t(`kinds.${kind}`)}: ${count}`).join(' · ')})
      </p>
      <div className="report-controls">
        <label className="field inline">
          {t('warehouse.disposal.certificate')}
          <input name="batch-certificate" value={certificate} onChange={(e) => setCertificate(e.target.value)} />
        </label>
        <label className="field inline">
          {t('warehouse.disposal.weight')}
          <input name="batch-weight" inputMode="decimal" value={weight} onChange={(e) => setWeight(e.target.value)} size={8} />
        </label>
      </div>
      {problem && (
        <p className="notice error" role="alert">
          {problem}
        </p>
      )}
      <div className="desk-actions">
        <button type="button" onClick={onCancel}>
          {t('warehouse.disposal.backToBatch')}
        </button>
        <button type="button" className="primary" onClick={() => void close()}>
          {t('warehouse.disposal.confirmClose')}
        </button>
      </div>
    </section>
  );
}
