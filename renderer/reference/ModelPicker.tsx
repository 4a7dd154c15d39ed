import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Model } from '../../shared/domain/reference';
import { useServices } from '../app/services';
import { choosable } from '../../shared/domain/reference-use';

export function ModelPicker({ value, onChange }: { value: string | undefined; onChange: (model: Model | undefined) => void }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const models = useLiveQuery(() => db.models.orderBy('name').toArray(), [db]) ?? [];
  return (
    <label className="field">
      {t('desk.model')}
      <select value={value ?? ''} data-field="model" onChange={(e) => onChange(models.find((m) => m.id === e.target.value))}>
        <option value="">{t('desk.modelNone')}</option>
        {choosable(models, value).map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </select>
    </label>
  );
}
