import { memo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { SyncStatus } from '../sync/SyncStatus';
import { useServices } from './services';

/** Always at the bottom of the window: is this desk in sync, and who is working at it, where. */
export const StatusBar = memo(function StatusBar() {
  const { t } = useTranslation();
  const { db, session } = useServices();
  const location = useLiveQuery(() => (session ? db.locations.get(session.location) : undefined), [db, session]);
  return (
    <footer className="statusbar">
      <SyncStatus />
      <span className="spacer" />
      {session && (
        <span className="who" data-testid="operator">
          {t('app.operatorAt', { operator: session.operator, location: location?.name ?? session.location })}
        </span>
      )}
    </footer>
  );
});
