import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { conditions, deviceKinds, type Device } from '../../shared/domain/device';
import { useServices } from '../app/services';
import type { StoredEvent } from '../store/db';
import { correctionSet, fieldsToCorrect, valuesOf, type CorrectableField, type CorrectionValues } from './correction';
import { choosable } from '../../shared/domain/reference-use';

interface Props {
  device: Device;
  /** The older event being corrected; none: the device's fields as they are now. */
  target?: StoredEvent | undefined;
  onSubmit(change: { set: NonNullable<ReturnType<typeof correctionSet>>; reason: string; corrects?: string | undefined }): Promise<string | null>;
  onCancel(): void;
}

/**
 * Corrects what a scan or a person set, with a reason. Only the fields the named event set are
 * offered (all of them from the card); a change is recorded as one `corrected` event naming that
 * event, and the lifecycle decides it, here and at the central inventory.
 */
export function CorrectionForm({ device, target, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const { db } = useServices();
  const fields = fieldsToCorrect(device, target);
  const [values, setValues] = useState<CorrectionValues>(() => valuesOf(device));
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const lists = useLiveQuery(async () => {
    const [models, locations] = await Promise.all([db.models.orderBy('name').toArray(), db.locations.orderBy('name').toArray()]);
    return { models, locations };
  }, [db]);

  const submit = async () => {
    const set = correctionSet(device, fields, values);
    if (!set) return setProblem(t('register.correct.nothingChanged'));
    if (!reason.trim()) return setProblem(t('register.correct.needReason'));
    setProblem(await onSubmit({ set, reason, corrects: target?.id }));
  };

  const input = (field: CorrectableField) => {
    const value = values[field] ?? '';
    const change = (next: string) => setValues({ ...values, [field]: next });
    const options = (list: Array<{ id: string; name: string }>) =>
      list.map((option) => (
        <option key={option.id} value={option.id}>
          {option.name}
        </option>
      ));
    switch (field) {
      case 'model':
        return (
          <select value={value} onChange={(e) => change(e.target.value)}>
            <option value="">{t('desk.modelNone')}</option>
            {options(choosable(lists?.models ?? [], device.model))}
          </select>
        );
      case 'location':
        return (
          <select value={value} onChange={(e) => change(e.target.value)}>
            <option value="" />
            {options(choosable(lists?.locations ?? [], device.location))}
          </select>
        );
      case 'kind':
        return <select value={value} onChange={(e) => change(e.target.value)}>{options(deviceKinds.map((id) => ({ id, name: t(`kinds.${id}`) })))}</select>;
      case 'condition':
        return (
          <select value={value} onChange={(e) => change(e.target.value)}>
            <option value="" />
            {options(conditions.map((id) => ({ id, name: t(`conditions.${id}`) })))}
          </select>
        );
      case 'holder':
        return <HolderInput value={value} onChange={change} />;
      default:
        return <input value={value} spellCheck={false} autoComplete="off" onChange={(e) => change(e.target.value)} />;
    }
  };

  return (
    <form
      className="correction-form card"
      data-testid="correction-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3>{target ? t('register.correct.titleEvent', { event: t(`events.${target.type}`) }) : t('register.correct.title')}</h3>
      {fields.map((field) => (
        <label key={field} className="field" data-correct={field}>
          {t(`register.correct.fields.${field}`)}
          {input(field)}
        </label>
      ))}
      <label className="field wide">
        {t('register.reason')}
        <input value={reason} data-field="correction-reason" onChange={(e) => setReason(e.target.value)} maxLength={500} />
      </label>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary">
          {t('register.correct.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('reference.cancel')}
        </button>
      </div>
    </form>
  );
}

/** A holder as `employeeId|department`: picked by id, the department taken from the employee. */
function HolderInput({ value, onChange }: { value: string; onChange(value: string): void }) {
  const { db } = useServices();
  const [id, setId] = useState(value.split('|')[0] ?? '');
  const employee = useLiveQuery(() => (id.trim() ? db.employees.get(id.trim()) : undefined), [db, id]);
  return (
    <span className="holder-input">
      <input
        value={id}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => {
          setId(e.target.value);
          onChange('');
        }}
        onBlur={() => employee && onChange(`${employee.id}|${employee.department}`)}
      />
      {employee && <span className="sub">{employee.name}</span>}
    </span>
  );
}
