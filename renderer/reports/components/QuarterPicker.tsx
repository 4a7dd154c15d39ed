import { useTranslation } from 'react-i18next';
import { quarterLabel, type LocalDate, type Quarter } from '../../../shared/reports/calendar';
import type { ReportSettings } from '../../../shared/reports/settings';

/** What a quarterly report is given: the quarter, the ones to choose from, and today. */
export interface QuarterlyReportProps {
  quarter: Quarter;
  /** The quarters to choose from, newest first. */
  quarters: readonly Quarter[];
  onQuarterChange(quarter: Quarter): void;
  today: LocalDate;
  settings: ReportSettings;
}

/** The quarter a report is for, among `quarters` (newest first). */
export function QuarterPicker({ name, quarters, value, onChange }: { name: string; quarters: readonly Quarter[]; value: Quarter; onChange(quarter: Quarter): void }) {
  const { t } = useTranslation();
  return (
    <label className="field inline">
      {t('reports.quarter')}
      <select
        name={name}
        value={quarterLabel(value)}
        onChange={(e) => {
          const chosen = quarters.find((q) => quarterLabel(q) === e.target.value);
          if (chosen) onChange(chosen);
        }}
      >
        {quarters.map((q) => (
          <option key={quarterLabel(q)} value={quarterLabel(q)}>
            {quarterLabel(q)}
          </option>
        ))}
      </select>
    </label>
  );
}
