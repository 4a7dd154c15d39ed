import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { movableUnexpected, type CountSummary, type Stocktake } from '../../../shared/warehouse/stocktake';
import { useMay } from '../../app/use-may';
import { useServices } from '../../app/services';
import { closeCount } from './stocktake-store';
import { CountFigures } from './CountFigures';

interface Props {
  count: Stocktake;
  summary: CountSummary;
  placeName(id: string): string;
  onCancel(): void;
  onClosed(count: Stocktake): void;
}

/**
 * The close: the summary, and what a person confirms — move the unexpected devices here (records
 * the moves), report the missing ones lost (team lead), or leave them as they are (the default).
 */
export function CloseCountForm({ count, summary, placeName, onCancel, onClosed }: Props) {
  const { t } = useTranslation();
  const { db, settings, session } = useServices();
  const mayWriteOff = useMay('devices.writeOff');
  const [moveUnexpected, setMoveUnexpected] = useState(false);
  const [reportMissingLost, setReportMissingLost] = useState(false);
  const [busy, setBusy] = useState(false);
  const movable = movableUnexpected(summary, count.location).length;

  const close = async () => {
    if (!session) return;
    setBusy(true);
    const ctx = { deskId: settings.deskId, operator: session.operator, location: session.location };
    onClosed(await closeCount(db, ctx, count, { moveUnexpected, reportMissingLost: reportMissingLost && mayWriteOff }));
  };

  return (
    <section className="card close-count" data-testid="close-count">
      <h2>{t('warehouse.count.closeTitle')}</h2>
      <CountFigures summary={summary} />
      <fieldset className="choices">
        <legend>{t('warehouse.count.choices')}</legend>
        <label>
          <input type="checkbox" checked={moveUnexpected} disabled={movable === 0} onChange={(e) => setMoveUnexpected(e.target.checked)} />
          {t('warehouse.count.moveUnexpected', { count: movable, location: placeName(count.location) })}
        </label>
        <label>
          <input type="checkbox" checked={reportMissingLost} disabled={!mayWriteOff || summary.missing.length === 0} onChange={(e) => setReportMissingLost(e.target.checked)} />
          {t('warehouse.count.reportMissingLost', { count: summary.missing.length })}
          {!mayWriteOff && <span className="hint"> {t('warehouse.teamLeadOnly')}</span>}
        </label>
        <p className="hint">{t('warehouse.count.leaveHint')}</p>
      </fieldset>
      <div className="desk-actions">
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('warehouse.count.backToCounting')}
        </button>
        <button type="button" className="primary" onClick={() => void close()} disabled={busy}>
          {t('warehouse.count.confirmClose')}
        </button>
      </div>
    </section>
  );
}
