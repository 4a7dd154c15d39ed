import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScannerLayout } from './wedge-detector';
import './scanner.css';

const layouts: readonly ScannerLayout[] = ['auto', 'us', 'host'];

/** The desk setting the keyboard wedge reads a scanner's keys by; saved as soon as it is picked. */
export function ScannerLayoutField({ value, onChange }: { value: ScannerLayout; onChange: (layout: ScannerLayout) => Promise<void> }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  return (
    <div className="scanner-layout">
      <label className="field">
        {t('scanners.layout')}
        <select
          name="scannerLayout"
          value={value}
          onChange={(e) => {
            const picked = layouts.find((l) => l === e.target.value);
            if (picked) void onChange(picked).then(() => setSaved(true));
          }}
        >
          {layouts.map((l) => (
            <option key={l} value={l}>
              {t(`scanners.layouts.${l}`)}
            </option>
          ))}
        </select>
      </label>
      <p className="hint">{t('scanners.layoutHint')}</p>
      {saved && (
        <p className="notice good" role="status">
          {t('scanners.layoutSaved')}
        </p>
      )}
    </div>
  );
}
