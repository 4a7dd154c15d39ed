import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { deviceKinds, deviceKindSchema } from '../../../shared/domain/device';
import { ModelPicker } from '../../reference/ModelPicker';
import { Choice } from './controls';
import type { SettingsPanelProps, Workflow } from './workflow';

const settings = z.object({ kind: deviceKindSchema.default('phone'), model: z.string().optional() });
type Settings = z.output<typeof settings>;

function Panel({ settings: s, onChange }: SettingsPanelProps<Settings>) {
  const { t } = useTranslation();
  return (
    <>
      <ModelPicker value={s.model} onChange={(model) => onChange(model ? { model: model.id, kind: model.kind } : { model: undefined })} />
      <Choice name="kind" value={s.kind} options={deviceKinds} namespace="kinds" onPick={(kind) => onChange({ kind })} />
      <p className="hint">{t('desk.modelHint')}</p>
    </>
  );
}

/** A new device enters the register by its IMEI or serial, with the batch's kind and model. */
export const receive = {
  event: 'received',
  settings,
  required: {},
  data: (s, scan) => {
    const base = { kind: s.kind, ...(s.model ? { model: s.model } : {}) };
    if (scan.kind === 'imei') return { ...base, imei: scan.value };
    if (scan.kind === 'serial') return { ...base, serial: scan.value, ...(scan.alternatives?.length ? { alternatives: scan.alternatives } : {}) };
    return base;
  },
  modelFromBox: (model) => ({ model: model.id, kind: model.kind }),
  Panel,
  words: { da: 'MODTAG', en: 'RECEIVE' },
  // The next batch's boxes may hold another model: DONE asks for it again.
  clearedByDone: ['model'],
} satisfies Workflow<'received', typeof settings>;
