import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useServices } from '../app/services';
import { readSyncState } from '../sync/sync-state';
import { referenceTables, type ReferenceTable } from '../../shared/domain/reference';
import { ReferenceTableView } from './ReferenceTableView';

/**
 * Departments, employees, locations and models: the central inventory's, fetched with every sync
 * (when last, shown here); a team lead edits them, everyone else reads.
 */
export function ReferenceScreen() {
  const { t, i18n } = useTranslation();
  const { db } = useServices();
  const [table, setTable] = useState<ReferenceTable>('departments');
  const updatedAt = useLiveQuery(async () => (await readSyncState(db)).referenceUpdatedAt, [db]);
  return (
    <div className="reference">
      <h1>{t('reference.title')}</h1>
      <p className="hint">{t('reference.intro')}</p>
      {updatedAt && (
        <p className="hint" data-testid="reference-updated">
          {t('reference.updatedAt', { when: new Date(updatedAt).toLocaleString(i18n.language === 'da' ? 'da-DK' : 'en-GB') })}
        </p>
      )}
      <div className="mode-tabs" role="tablist">
        {referenceTables.map((name) => (
          <button key={name} type="button" role="tab" aria-selected={name === table} className={name === table ? 'tab active' : 'tab'} onClick={() => setTable(name)}>
            {t(`reference.tables.${name}`)}
          </button>
        ))}
      </div>
      <ReferenceTableView key={table} table={table} />
    </div>
  );
}
