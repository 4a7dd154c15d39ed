import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { referenceTables, type ReferenceTable } from '../../shared/domain/reference';
import { ReferenceTableView } from './ReferenceTableView';

/** Departments, employees, locations and models: imported from CSV and editable at the desk. */
export function ReferenceScreen() {
  const { t } = useTranslation();
  const [table, setTable] = useState<ReferenceTable>('departments');
  return (
    <div className="reference">
      <h1>{t('reference.title')}</h1>
      <p className="hint">{t('reference.intro')}</p>
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
