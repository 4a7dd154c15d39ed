import { useTranslation } from 'react-i18next';
import type { AssetTagSeries } from '../../shared/assets/tag-series';

/** The series being edited: a prefix may be empty while typing (then there is no series). */
export type SeriesDraft = { prefix: string; digits: number; next: number } | undefined;

/** The series as the settings keep it: none without a prefix. */
export function seriesFromDraft(draft: SeriesDraft): AssetTagSeries | undefined {
  return draft && draft.prefix.trim() ? { ...draft, prefix: draft.prefix.trim() } : undefined;
}

/** The desk's series of asset tags: prefix, digits and the next number (`shared/assets/tag-series.ts`). */
export function TagSeriesFields({ value, onChange }: { value: SeriesDraft; onChange: (next: SeriesDraft) => void }) {
  const { t } = useTranslation();
  const series = value ?? { prefix: '', digits: 6, next: 1 };
  return (
    <fieldset className="plain tag-series">
      <legend>{t('settings.tagSeries.title')}</legend>
      <label className="field">
        {t('settings.tagSeries.prefix')}
        <input name="tagSeriesPrefix" value={series.prefix} placeholder="KK" onChange={(e) => onChange({ ...series, prefix: e.target.value })} />
      </label>
      <label className="field">
        {t('settings.tagSeries.digits')}
        <input name="tagSeriesDigits" type="number" min={1} max={12} value={series.digits} onChange={(e) => onChange({ ...series, digits: Number(e.target.value) })} />
      </label>
      <label className="field">
        {t('settings.tagSeries.next')}
        <input name="tagSeriesNext" type="number" min={0} value={series.next} onChange={(e) => onChange({ ...series, next: Number(e.target.value) })} />
      </label>
      <p className="hint">{t('settings.tagSeries.hint')}</p>
    </fieldset>
  );
}
