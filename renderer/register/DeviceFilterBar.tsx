import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { deviceKinds, deviceStatuses } from '../../shared/domain/device';
import type { DeviceFilter } from '../../shared/register/device-filter';
import { useServices } from '../app/services';

interface Props {
  filter: DeviceFilter;
  onChange(filter: DeviceFilter): void;
  /** The holder's name, when the filter names one. */
  holderName?: string | undefined;
}

type ListField = 'statuses' | 'kinds' | 'models' | 'locations' | 'departments';

/**
 * The register's filters: one choice per list (a report's link may carry several; they show as
 * "several" and any choice replaces them), days idle, and the search over every identifier, model
 * and holder's name.
 */
export function DeviceFilterBar({ filter, onChange, holderName }: Props) {
  const { t } = useTranslation();
  const { db } = useServices();
  const lists = useLiveQuery(async () => {
    const [models, locations, departments] = await Promise.all([db.models.orderBy('name').toArray(), db.locations.orderBy('name').toArray(), db.departments.orderBy('name').toArray()]);
    return { models, locations, departments };
  }, [db]);
  const set = (patch: Partial<DeviceFilter>) => {
    const next: DeviceFilter = { ...filter, ...patch };
    // A person changing the filter is no longer looking at exactly the figure's devices.
    delete next.title;
    delete next.keys;
    onChange(next);
  };
  const pick = (field: ListField, options: Array<{ id: string; name: string }>) => {
    const chosen = filter[field] ?? [];
    return (
      <label className="field">
        {t(`register.filter.${field}`)}
        <select
          data-filter={field}
          value={chosen.length === 1 ? chosen[0] : chosen.length > 1 ? '*' : ''}
          onChange={(e) => set({ [field]: e.target.value ? [e.target.value] : undefined })}
        >
          <option value="">{t('register.filter.all')}</option>
          {chosen.length > 1 && <option value="*" disabled>{t('register.filter.several', { count: chosen.length })}</option>}
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name}
            </option>
          ))}
        </select>
      </label>
    );
  };
  return (
    <div className="register-filters no-print">
      <label className="field wide">
        {t('register.search')}
        <input
          type="search"
          data-field="register-search"
          autoComplete="off"
          spellCheck={false}
          value={filter.text ?? ''}
          placeholder={t('register.searchPlaceholder')}
          onChange={(e) => set({ text: e.target.value || undefined })}
        />
      </label>
      {pick('statuses', deviceStatuses.map((id) => ({ id, name: t(`statuses.${id}`) })))}
      {pick('kinds', deviceKinds.map((id) => ({ id, name: t(`kinds.${id}`) })))}
      {pick('models', lists?.models ?? [])}
      {pick('locations', lists?.locations ?? [])}
      {pick('departments', (lists?.departments ?? []).map((d) => ({ id: d.id, name: `${d.id} · ${d.name}` })))}
      <label className="field narrow">
        {t('register.filter.idleDays')}
        <input
          type="number"
          min={0}
          max={100000}
          data-filter="idleDays"
          value={filter.idleDaysAtLeast ?? ''}
          onChange={(e) => set({ idleDaysAtLeast: e.target.value === '' ? undefined : Math.max(0, Math.trunc(Number(e.target.value))) })}
        />
      </label>
      {filter.holder !== undefined && (
        <button type="button" className="chip" onClick={() => set({ holder: undefined })} title={t('register.filter.clear')}>
          {t('register.filter.holder', { name: holderName ?? filter.holder })} ✕
        </button>
      )}
    </div>
  );
}
