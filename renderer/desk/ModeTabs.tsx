import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { modes, type Mode } from './modes';

const deskModes = modes.filter((m) => m !== 'lookup');

export const ModeTabs = memo(function ModeTabs({ mode, onChange }: { mode: Mode; onChange: (mode: Mode) => void }) {
  const { t } = useTranslation();
  return (
    <div className="mode-tabs" role="tablist" aria-label="workflow">
      {deskModes.map((m) => (
        <button key={m} type="button" role="tab" aria-selected={m === mode} data-mode={m} className={m === mode ? 'tab active' : 'tab'} onClick={() => onChange(m)}>
          {t(`modes.${m}`)}
        </button>
      ))}
    </div>
  );
});
