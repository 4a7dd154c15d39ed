import { useTranslation } from 'react-i18next';
import type { Location } from '../../../shared/domain/reference';

/** The location a report is for; the desk's own is the default. */
export function LocationPicker({ locations, value, onChange }: { locations: readonly Location[]; value: string; onChange(location: string): void }) {
  const { t } = useTranslation();
  const known = locations.some((l) => l.id === value);
  return (
    <label className="field inline">
      {t('reports.location')}
      <select name="report-location" value={value} onChange={(e) => onChange(e.target.value)}>
        {!known && <option value={value}>{value}</option>}
        {locations.map((l) => (
          <option key={l.id} value={l.id}>
            {l.name}
          </option>
        ))}
      </select>
    </label>
  );
}
