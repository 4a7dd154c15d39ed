import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessoryPrompt } from '../desk/use-desk';
import { boxMax, readCount } from './desk-actions';

/**
 * The count of a box of accessories just scanned in receive: typed, then Enter. Focused as it
 * opens, so the operator types straight away; a scan elsewhere drops it (nothing was recorded).
 */
export function AccessoryCountPrompt({ prompt, onAnswer }: { prompt: AccessoryPrompt; onAnswer: (count: number | null) => Promise<void> }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState(false);
  return (
    <form
      className="accessory-count card"
      data-testid="accessory-count"
      onSubmit={(e) => {
        e.preventDefault();
        const count = readCount(text, 1, boxMax);
        if (count === null) return setProblem(true);
        void onAnswer(count);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') void onAnswer(null);
      }}
    >
      <label className="field">
        {t('accessories.count.label', { name: prompt.accessory.name })}
        <input name="accessory-count" type="number" inputMode="numeric" min={1} max={boxMax} step={1} autoFocus required value={text} onChange={(e) => { setText(e.target.value); setProblem(false); }} />
      </label>
      {problem && <p className="notice error" role="alert">{t('accessories.count.invalid', { max: boxMax })}</p>}
      <button type="submit" className="primary">{t('accessories.count.record')}</button>
      <button type="button" onClick={() => void onAnswer(null)}>{t('accessories.count.cancel')}</button>
    </form>
  );
}
