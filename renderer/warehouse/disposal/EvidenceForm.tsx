import { useTranslation } from 'react-i18next';
import { erasureMethods, type ErasureMethod } from '../../../shared/domain/device';
import type { Erasure } from '../../../shared/domain/event';

/**
 * The erasure evidence given to each device scanned next (set once, like a desk batch's settings):
 * NIST SP 800-88 method, tool and version, verified or not, by whom, on which day.
 */
export function EvidenceForm({ erasure, onChange }: { erasure: Erasure; onChange(next: Erasure): void }) {
  const { t } = useTranslation();
  const set = (patch: Partial<Erasure>) => onChange({ ...erasure, ...patch });
  return (
    <fieldset className="evidence" data-testid="erasure-evidence">
      <legend>{t('warehouse.disposal.evidence')}</legend>
      <label className="field inline">
        {t('warehouse.disposal.method')}
        <select name="erasure-method" value={erasure.method} onChange={(e) => set({ method: e.target.value as ErasureMethod })}>
          {erasureMethods.map((m) => (
            <option key={m} value={m}>
              {t(`warehouse.disposal.methods.${m}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field inline">
        {t('warehouse.disposal.tool')}
        <input name="erasure-tool" value={erasure.tool} onChange={(e) => set({ tool: e.target.value })} />
      </label>
      <label className="field inline">
        {t('warehouse.disposal.toolVersion')}
        <input name="erasure-tool-version" value={erasure.toolVersion ?? ''} onChange={(e) => set({ toolVersion: e.target.value })} size={8} />
      </label>
      <label className="field inline check">
        <input type="checkbox" name="erasure-verified" checked={erasure.verified} onChange={(e) => set({ verified: e.target.checked })} />
        {t('warehouse.disposal.verified')}
      </label>
      <label className="field inline">
        {t('warehouse.disposal.verifiedBy')}
        <input name="erasure-verified-by" value={erasure.verifiedBy ?? ''} onChange={(e) => set({ verifiedBy: e.target.value })} size={10} />
      </label>
      <label className="field inline">
        {t('warehouse.disposal.date')}
        <input type="date" name="erasure-date" value={erasure.date ?? ''} onChange={(e) => set(e.target.value ? { date: e.target.value } : { date: undefined })} />
      </label>
    </fieldset>
  );
}
