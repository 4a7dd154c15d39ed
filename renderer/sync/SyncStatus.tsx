import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useServices } from '../app/services';
import { formatDateTime, formatTime } from '../app/format';
import { localeOf } from '../i18n';
import { useSync } from './sync-context';

/**
 * The sync at a glance, always in the top bar: online or not, how many events wait to be sent,
 * when the desk last synced, what is wrong if something is — and, on a new desk, how far the
 * first fetch of the central inventory has come.
 */
export function SyncStatus() {
  const { t, i18n } = useTranslation();
  const { status, pending, configured, syncNow } = useSync();
  const { db } = useServices();
  const unreadable = useLiveQuery(() => db.unreadable.count(), [db]) ?? 0;
  const locale = localeOf(i18n.language);
  const connection = configured ? status.connection : 'notConfigured';
  const today = new Date().toDateString();
  const last = status.lastSyncAt
    ? t('sync.lastSync', {
        time: new Date(status.lastSyncAt).toDateString() === today ? formatTime(status.lastSyncAt, locale) : formatDateTime(status.lastSyncAt, locale),
      })
    : t('sync.never');

  return (
    <div className="sync-status" data-testid="sync-status" data-connection={connection} data-pending={pending} data-syncing={status.syncing}>
      <span className="sync-dot" aria-hidden="true" />
      <span data-testid="sync-connection">{status.syncing ? t('sync.syncing') : t(`sync.connection.${connection}`)}</span>
      <span className="sync-pending" data-testid="sync-pending">
        {t('sync.pending', { count: pending })}
      </span>
      {unreadable > 0 && (
        <span className="sync-unreadable" data-testid="sync-unreadable" title={t('sync.unreadableHint')}>
          {t('sync.unreadable', { count: unreadable })}
        </span>
      )}
      <span className="sync-last" data-testid="sync-last">
        {last}
      </span>
      {configured && (
        <button type="button" className="sync-now" onClick={() => void syncNow()} disabled={status.syncing}>
          {t('sync.syncNow')}
        </button>
      )}
      {configured && status.problem && (
        <span className="sync-problem" role="alert" data-testid="sync-problem" data-problem={status.problem.kind} title={status.problem.message}>
          {t(`sync.problems.${status.problem.kind}`)}
        </span>
      )}
      {status.bootstrap && (
        <span className="sync-bootstrap" data-testid="sync-bootstrap">
          {status.bootstrap.total === null ? <progress /> : <progress value={status.bootstrap.fetched} max={Math.max(status.bootstrap.total, 1)} />}
          {status.bootstrap.total === null
            ? t('sync.bootstrapUnknown', { fetched: status.bootstrap.fetched.toLocaleString(locale) })
            : t('sync.bootstrap', { fetched: status.bootstrap.fetched.toLocaleString(locale), total: status.bootstrap.total.toLocaleString(locale) })}
        </span>
      )}
    </div>
  );
}
