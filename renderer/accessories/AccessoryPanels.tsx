import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { isLowStock, lowStockLevel, type Accessory } from '../../shared/accessories/catalogue';
import { useServices } from '../app/services';
import { useMay } from '../app/use-may';
import { playTone } from '../feedback/sounds';
import { adjustAccessory, readCount } from './desk-actions';
import { accessoryLines, issuedInBatch } from './store';
import { accessoryCountLimits } from '../../shared/accessories/event';
import './accessories.css';

/** The accessories of the running handout: "1 × Oplader USB-C", one line per accessory. */
export function BatchAccessories({ startedAt }: { startedAt: string }) {
  const { t } = useTranslation();
  const { db, settings } = useServices();
  const lines = useLiveQuery(async () => {
    const issued = await issuedInBatch(db, settings.deskId, startedAt);
    const names = new Map((await db.accessories.bulkGet([...new Set(issued.map((e) => e.accessory))])).flatMap((a) => (a ? [[a.id, a.name] as const] : [])));
    return accessoryLines(issued, (id) => names.get(id) ?? id);
  }, [db, settings.deskId, startedAt]);
  if (!lines || lines.length === 0) return null;
  return (
    <section className="batch-accessories" data-testid="batch-accessories">
      <h3>{t('accessories.batch.title')}</h3>
      <ul>
        {lines.map((line) => (
          <li key={line.accessory}>{t('accessories.batch.line', { count: line.count, name: line.name })}</li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The accessories on the shelf where the desk stands: the count, amber at or below the
 * location's level (below zero: count it), and a team lead's count correction.
 */
export function AccessoryShelf() {
  const { t } = useTranslation();
  const { db, session, settings } = useServices();
  const location = session?.location ?? '';
  const mayAdjust = useMay('accessories.adjust');
  const [adjusting, setAdjusting] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const shelf = useLiveQuery(async () => {
    const catalogue = await db.accessories.toArray();
    const stock = new Map((await db.accessoryStock.where('location').equals(location).toArray()).map((s) => [s.accessory, s.count]));
    const refused = await db.accessoryEvents.where('sync').equals('invalid').count();
    const rows = catalogue
      .filter((a) => a.active !== false || (stock.get(a.id) ?? 0) !== 0)
      .map((accessory) => ({ accessory, count: stock.get(accessory.id) ?? 0, level: lowStockLevel(accessory, location) }))
      .sort((a, b) => a.accessory.name.localeCompare(b.accessory.name, 'da'));
    return { rows, refused };
  }, [db, location]);
  if (!shelf || shelf.rows.length === 0) return null;
  const save = async (accessory: Accessory, form: HTMLFormElement) => {
    const data = new FormData(form);
    const counted = readCount(String(data.get('counted') ?? ''), 0, accessoryCountLimits.adjustedMax);
    const reason = String(data.get('reason') ?? '').trim() || t('accessories.shelf.defaultReason');
    if (counted === null || !session) return;
    const answer = await adjustAccessory(db, { deskId: settings.deskId, operator: session.operator, location }, accessory, counted, reason);
    setAdjusting(null);
    if (answer) {
      playTone(answer.tone, settings.sound);
      setMessage(t(answer.message.key, answer.message.params));
    }
  };
  return (
    <section className="accessory-shelf" data-testid="accessory-shelf" aria-label={t('accessories.shelf.title')}>
      <h3>{t('accessories.shelf.title')}</h3>
      {shelf.refused > 0 && <p className="notice warning">{t('accessories.shelf.refused', { count: shelf.refused })}</p>}
      {message && <p className="notice good" role="status">{message}</p>}
      <ul>
        {shelf.rows.map(({ accessory, count, level }) => {
          const state = count < 0 ? 'negative' : isLowStock(count, level) ? 'low' : 'ok';
          return (
            <li key={accessory.id} data-accessory={accessory.id} data-state={state} className={state === 'ok' ? undefined : 'warning'}>
              <span className="name">{accessory.name}</span> <strong className="count">{count}</strong>
              {level !== undefined && <span className="sub"> · {t('accessories.shelf.level', { level })}</span>}
              {state !== 'ok' && <span className="sub hint-amber"> · {t(`accessories.shelf.${state}`)}</span>}
              {mayAdjust && adjusting !== accessory.id && (
                <button type="button" className="link" onClick={() => setAdjusting(accessory.id)}>
                  {t('accessories.shelf.adjust')}
                </button>
              )}
              {adjusting === accessory.id && (
                <form
                  className="inline-form"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void save(accessory, e.currentTarget);
                  }}
                >
                  <label>
                    {t('accessories.shelf.counted')}
                    <input name="counted" type="number" min={0} step={1} required defaultValue={Math.max(count, 0)} />
                  </label>
                  <label>
                    {t('accessories.shelf.reason')}
                    <input name="reason" maxLength={500} placeholder={t('accessories.shelf.defaultReason')} />
                  </label>
                  <button type="submit">{t('accessories.shelf.save')}</button>
                </form>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
