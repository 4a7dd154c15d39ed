import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { conditions, deviceKinds } from '../../shared/domain/device';
import type { BatchParams, Mode } from './modes';
import { EmployeePicker } from '../reference/EmployeePicker';
import { ModelPicker } from '../reference/ModelPicker';

const outcomes = ['fixed', 'unrepairable'] as const;
const methods = ['recycled', 'destroyed', 'resold'] as const;

interface Props {
  mode: Mode;
  params: BatchParams;
  onChange: (params: Partial<BatchParams>) => void;
}

/** What the operator sets once for the batch, per workflow. Memoised: a scan does not redraw it. */
export const BatchParamsPanel = memo(function BatchParamsPanel({ mode, params, onChange: set }: Props) {
  const { t } = useTranslation();

  const choice = <T extends string>(name: string, value: T | undefined, options: readonly T[], namespace: string, onPick: (v: T) => void) => (
    <fieldset className="choice" data-field={name}>
      <legend>{t(`desk.${name}`)}</legend>
      {options.map((option) => (
        <label key={option} className={option === value ? 'chip active' : 'chip'}>
          <input type="radio" name={name} value={option} checked={option === value} onChange={() => onPick(option)} />
          {t(`${namespace}.${option}`)}
        </label>
      ))}
    </fieldset>
  );
  const text = (name: 'reason' | 'vendor' | 'ticket' | 'certificate', required = false) => (
    <label className="field">
      {t(`desk.${name}`)}
      <input value={params[name]} required={required} onChange={(e) => set({ [name]: e.target.value })} data-field={name} autoComplete="off" />
    </label>
  );

  return (
    <div className="batch-params" data-testid="batch-params">
      {mode === 'receive' && (
        <>
          <ModelPicker value={params.model} onChange={(model) => set(model ? { model: model.id, kind: model.kind } : { model: undefined })} />
          {choice('kind', params.kind, deviceKinds, 'kinds', (kind) => set({ kind }))}
          <p className="hint">{t('desk.modelHint')}</p>
        </>
      )}
      {mode === 'prepare' && (
        <div className="checks">
          <label>
            <input type="checkbox" checked={params.wiped} onChange={(e) => set({ wiped: e.target.checked })} /> {t('desk.wiped')}
          </label>
          <label>
            <input type="checkbox" checked={params.enrolled} onChange={(e) => set({ enrolled: e.target.checked })} /> {t('desk.enrolled')}
          </label>
        </div>
      )}
      {mode === 'handout' && <EmployeePicker value={params.employee} onChange={(employee) => set({ employee })} />}
      {mode === 'return' && (
        <>
          {choice('condition', params.condition, conditions, 'conditions', (condition) => set({ condition }))}
          {text('reason')}
        </>
      )}
      {mode === 'repair' && (
        <>
          {text('vendor', true)}
          {text('ticket')}
        </>
      )}
      {mode === 'repaired' && choice('outcome', params.outcome, outcomes, 'outcomes', (outcome) => set({ outcome }))}
      {mode === 'dispose' && (
        <>
          {choice('method', params.method, methods, 'methods', (method) => set({ method }))}
          {text('certificate', true)}
          <p className="hint">{t('desk.certificateHint')}</p>
        </>
      )}
      {mode === 'lost' && text('reason')}
    </div>
  );
});
