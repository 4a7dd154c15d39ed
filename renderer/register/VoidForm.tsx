import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Voids a registration made in error, with the reason its history will show. */
export function VoidForm({ onSubmit, onCancel }: { onSubmit(reason: string): Promise<string | null>; onCancel(): void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <form
      className="void-form card"
      data-testid="void-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!reason.trim()) setProblem(t('register.correct.needReason'));
        else void onSubmit(reason).then(setProblem);
      }}
    >
      <h3>{t('register.void.title')}</h3>
      <p className="hint">{t('register.void.explain')}</p>
      <label className="field wide">
        {t('register.reason')}
        <input value={reason} data-field="void-reason" onChange={(e) => setReason(e.target.value)} maxLength={500} />
      </label>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="danger">
          {t('register.void.confirm')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('reference.cancel')}
        </button>
      </div>
    </form>
  );
}
