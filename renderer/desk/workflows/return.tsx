import { z } from 'zod';
import { conditions, conditionSchema } from '../../../shared/domain/device';
import { Choice, optionalText, TextSetting } from './controls';
import type { SettingsPanelProps, Workflow } from './workflow';

const settings = z.object({ condition: conditionSchema.default('ok'), reason: z.string().default('') });
type Settings = z.output<typeof settings>;

function Panel({ settings: s, onChange }: SettingsPanelProps<Settings>) {
  return (
    <>
      <Choice name="condition" value={s.condition} options={conditions} namespace="conditions" onPick={(condition) => onChange({ condition })} />
      <TextSetting name="reason" value={s.reason} onChange={(reason) => onChange({ reason })} />
    </>
  );
}

/** Back from an employee, in the condition seen at the desk (the triage suggests the next step). */
export const giveBack = {
  event: 'returned',
  settings,
  required: {},
  data: (s) => ({ condition: s.condition, ...optionalText('reason', s.reason) }),
  Panel,
  words: { da: 'RETUR', en: 'RETURN' },
  clearedByDone: ['reason'],
} satisfies Workflow<'returned', typeof settings>;
