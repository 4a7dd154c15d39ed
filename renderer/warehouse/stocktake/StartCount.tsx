import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deviceKinds, type DeviceKind } from '../../../shared/domain/device';
import type { Location } from '../../../shared/domain/reference';
import type { StartRefusal, Stocktake } from '../../../shared/warehouse/stocktake';
import { formatDateTime } from '../../app/format';
import { useServices } from '../../app/services';
import { localeOf } from '../../i18n';
import { LocationPicker } from '../../reports/components/LocationPicker';
import { startCount } from './stocktake-store';

interface Props {
  locations: readonly Location[];
  placeName(id: string): string;
  open: readonly Stocktake[];
  closed: readonly Stocktake[];
  onOpen(count: Stocktake): void;
}

/** Start a count of a location (one kind, or all), or continue one that is open, or see a closed one's result. */
export function StartCount({ locations, placeName, open, closed, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const { db, settings, session } = useServices();
  const [location, setLocation] = useState(session?.location ?? 'LAGER');
  const [kind, setKind] = useState<DeviceKind | ''>('');
  const [refusal, setRefusal] = useState<StartRefusal | null>(null);
  // Freezing a large location's list takes a moment (seconds for thousands on a busy PC).
  const [starting, setStarting] = useState(false);
  const locale = localeOf(i18n.language);

  const start = async () => {
    if (!session) return;
    setStarting(true);
    const result = await startCount(db, { deskId: settings.deskId, operator: session.operator, location: session.location }, location, kind || undefined).finally(() => setStarting(false));
    if (result.ok) onOpen(result.count);
    else setRefusal(result.refusal);
  };

  const row = (count: Stocktake, action: string) => (
    <li key={count.id} data-count={count.id}>
      <span className="mono">{count.id}</span> · {placeName(count.location)}
      {count.kind && ` · ${t(`kinds.${count.kind}`)}`} · {t('warehouse.count.startedBy', { operator: count.startedBy, at: formatDateTime(count.startedAt, locale) })} ·{' '}
      {t('warehouse.count.expectedCount', { count: count.expected.length })}{' '}
      <button type="button" onClick={() => onOpen(count)}>
        {action}
      </button>
    </li>
  );

  return (
    <div className="count-start">
      <section className="card">
        <h2>{t('warehouse.count.new')}</h2>
        <p className="hint">{t('warehouse.count.newHint')}</p>
        <div className="report-controls">
          <LocationPicker locations={locations} value={location} onChange={(next) => (setLocation(next), setRefusal(null))} />
          <label className="field inline">
            {t('warehouse.count.kind')}
            <select name="count-kind" value={kind} onChange={(e) => setKind(e.target.value as DeviceKind | '')}>
              <option value="">{t('warehouse.count.allKinds')}</option>
              {deviceKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`kinds.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="primary" disabled={starting} aria-busy={starting} onClick={() => void start()}>
            {t('warehouse.count.start')}
          </button>
          {starting && <progress aria-label={t('warehouse.count.starting')} />}
        </div>
        {refusal && (
          <p className="notice error" role="alert">
            {t('warehouse.count.refusedOpen', { location: placeName(location), id: refusal.countId, operator: refusal.startedBy, at: formatDateTime(refusal.startedAt, locale) })}
          </p>
        )}
      </section>
      {open.length > 0 && (
        <section className="card">
          <h2>{t('warehouse.count.open')}</h2>
          <ul className="flow-list">{open.map((count) => row(count, t('warehouse.count.continue')))}</ul>
        </section>
      )}
      {closed.length > 0 && (
        <section className="card">
          <h2>{t('warehouse.count.closed')}</h2>
          <ul className="flow-list">{closed.map((count) => row(count, t('warehouse.count.showResult')))}</ul>
        </section>
      )}
    </div>
  );
}
