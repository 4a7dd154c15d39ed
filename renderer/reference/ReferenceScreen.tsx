import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useServices } from '../app/services';
import { readSyncState } from '../sync/sync-state';
import { referenceTables, type EditableTable } from '../../shared/domain/reference';
import { useMay } from '../app/use-may';
import { useSync } from '../sync/sync-context';
import { DeviceImportView } from './DeviceImportView';
import { ReferenceTableView } from './ReferenceTableView';

/**
 * Departments, employees, locations and models: the central inventory's, fetched with every sync
 * (when last, shown here); a team lead edits them, everyone else reads, and a team lead imports
 * the existing fleet from here.
 */
export function ReferenceScreen() {
  const { t, i18n } = useTranslation();
  const { db } = useServices();
  const [table, setTable] = useState<EditableTable | 'devices'>('departments');
  // Operators are the central inventory's alone (a trial desk has none): a team lead's, online.
  const central = useSync().client !== null;
  const mayEditOperators = useMay('reference.edit') && central;
  // Importing the existing fleet is a team lead's, done by the central inventory.
  const mayImport = useMay('devices.import');
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
        {mayEditOperators && (
          <button type="button" role="tab" aria-selected={table === 'operators'} className={table === 'operators' ? 'tab active' : 'tab'} onClick={() => setTable('operators')}>
            {t('reference.tables.operators')}
          </button>
        )}
        {mayImport && (
          <button type="button" role="tab" aria-selected={table === 'devices'} className={table === 'devices' ? 'tab active' : 'tab'} onClick={() => setTable('devices')}>
            {t('deviceImport.tab')}
          </button>
        )}
      </div>
      {table === 'devices' ? <DeviceImportView /> : <ReferenceTableView key={table} table={table} />}
    </div>
  );
}
