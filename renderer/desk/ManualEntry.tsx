import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** For a label the scanner cannot read: typed in, it goes through exactly the same path as a scan. */
export const ManualEntry = memo(function ManualEntry({ onSubmit }: { onSubmit: (raw: string) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  return (
    <form
      className="manual-entry"
      onSubmit={(e) => {
        e.preventDefault();
        if (!value.trim()) return;
        onSubmit(value);
        setValue('');
      }}
    >
      <label>
        {t('desk.manualEntry')}
        <input value={value} onChange={(e) => setValue(e.target.value)} placeholder={t('desk.manualPlaceholder')} autoComplete="off" spellCheck={false} data-manual-entry />
      </label>
      <button type="submit">{t('desk.add')}</button>
    </form>
  );
});
