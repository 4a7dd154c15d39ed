import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localDateSchema, type LocalDate } from '../../../shared/reports/calendar';
import { dayPattern, formatDay, parseDay } from '../../../shared/reports/format';
import { useReportLocale } from '../use-report-locale';

interface Props {
  label: string;
  name: string;
  value: LocalDate;
  max?: LocalDate;
  onChange(day: LocalDate): void;
}

/**
 * A report's day in the app's language (`24.11.2026` in Danish, `24/11/2026` in English), whatever
 * the browser's or the operating system's locale: Chromium draws `<input type="date">` in its own
 * locale and ignores the page's `lang`, so the day is a text field read with `parseDay`, and the
 * calendar button opens the native picker of a hidden date input for the mouse.
 */
export function DayField({ label, name, value, max, onChange }: Props) {
  const { t } = useTranslation();
  const { locale } = useReportLocale();
  const picker = useRef<HTMLInputElement>(null);
  // What the operator is typing; shown formatted from `value` whenever they are not.
  const [typing, setTyping] = useState<string | null>(null);
  const parsed = typing === null ? value : parseDay(typing, locale);
  const invalid = parsed === null || (max !== undefined && parsed > max);
  const pattern = dayPattern(locale, { day: t('reports.dayLetters.day'), month: t('reports.dayLetters.month'), year: t('reports.dayLetters.year') });

  function type(text: string) {
    setTyping(text);
    const day = parseDay(text, locale);
    if (day !== null && (max === undefined || day <= max) && day !== value) onChange(day);
  }

  return (
    <label className="field inline day-field">
      {label}
      <span className="day-field-input">
        <input
          type="text"
          name={name}
          inputMode="numeric"
          autoComplete="off"
          value={typing ?? formatDay(value, locale)}
          placeholder={pattern}
          aria-invalid={invalid}
          title={invalid ? t('reports.badDay', { pattern }) : undefined}
          onChange={(e) => type(e.target.value)}
          onBlur={() => setTyping(null)}
        />
        <button type="button" className="no-print" aria-label={t('reports.pickDay')} title={t('reports.pickDay')} onClick={() => picker.current?.showPicker()}>
          {/* Drawn, not a character: an emoji needs a font the desk may not have. */}
          <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.5">
            <rect x="1.75" y="3" width="12.5" height="11" rx="1.5" />
            <path d="M1.75 6.5h12.5M5 1.5v3M11 1.5v3" />
          </svg>
        </button>
        <input
          ref={picker}
          type="date"
          className="day-field-picker"
          tabIndex={-1}
          aria-hidden
          value={value}
          max={max}
          onChange={(e) => {
            const day = localDateSchema.safeParse(e.target.value);
            if (day.success) onChange(day.data);
          }}
        />
      </span>
    </label>
  );
}
