import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../app/services';
import { ConflictCard } from './ConflictCard';
import { isOpen } from './conflicts';
import { UnreadableEvents } from './UnreadableEvents';
import { useConflicts } from './use-conflicts';

/** This desk's events the central inventory refused: the open ones first, the settled on request. */
export function ConflictsScreen() {
  const { t } = useTranslation();
  const { db } = useServices();
  const views = useConflicts(db);
  const [showSettled, setShowSettled] = useState(false);
  if (!views) return <p>{t('app.loading')}</p>;
  const open = views.filter(isOpen);
  const settled = views.filter((view) => !isOpen(view));

  return (
    <div className="conflicts">
      <h1>{t('sync.conflicts.title')}</h1>
      <p className="hint">{t('sync.conflicts.intro')}</p>
      {open.length === 0 ? (
        <p className="notice good" data-testid="no-conflicts">
          {t('sync.conflicts.none')}
        </p>
      ) : (
        <ul className="conflict-list" data-testid="open-conflicts">
          {open.map((view) => (
            <ConflictCard key={view.conflict.eventId} view={view} />
          ))}
        </ul>
      )}
      {settled.length > 0 && (
        <button type="button" onClick={() => setShowSettled(!showSettled)}>
          {showSettled ? t('sync.conflicts.hideSettled') : t('sync.conflicts.showSettled', { count: settled.length })}
        </button>
      )}
      {showSettled && (
        <ul className="conflict-list" data-testid="settled-conflicts">
          {settled.map((view) => (
            <ConflictCard key={view.conflict.eventId} view={view} />
          ))}
        </ul>
      )}
      <UnreadableEvents />
    </div>
  );
}
