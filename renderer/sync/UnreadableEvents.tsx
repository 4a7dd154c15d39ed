import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../app/format';
import { useServices } from '../app/services';
import { localeOf } from '../i18n';
import { deviceLabelOf } from './conflict-reason';

/**
 * Pulled events this desk could not read (`renderer/sync/pull.ts` keeps them aside): listed on the
 * Conflicts screen so a person sees that something arrived this version cannot show, and why.
 */
export function UnreadableEvents() {
  const { t, i18n } = useTranslation();
  const { db } = useServices();
  const rows = useLiveQuery(() => db.unreadable.orderBy('seq').toArray(), [db]);
  if (!rows || rows.length === 0) return null;
  const locale = localeOf(i18n.language);
  return (
    <section className="unreadable-events" data-testid="unreadable-events">
      <h2>{t('sync.conflicts.unreadableTitle')}</h2>
      <p className="hint">{t('sync.conflicts.unreadableIntro')}</p>
      <ul className="conflict-list">
        {rows.map((row) => (
          <li key={row.seq} className="card conflict" data-testid="unreadable-event" data-seq={row.seq}>
            <header className="conflict-head">
              <strong className="mono">
                {t('sync.conflicts.unreadableItem', { seq: row.seq, type: row.type ?? '?', device: row.deviceKey ? deviceLabelOf(row.deviceKey) : '?' })}
              </strong>
              <span className="hint">{formatDateTime(row.pulledAt, locale)}</span>
            </header>
            <p className="conflict-reason">{t('sync.conflicts.unreadableProblem', { problem: row.problem })}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
