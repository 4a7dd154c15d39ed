import { z } from 'zod';
import { repairOutcomes, repairOutcomeSchema } from '../../../shared/domain/device';
import { Choice } from './controls';
import type { SettingsPanelProps, Workflow } from './workflow';

const settings = z.object({ outcome: repairOutcomeSchema.default('fixed') });
type Settings = z.output<typeof settings>;

function Panel({ settings: s, onChange }: SettingsPanelProps<Settings>) {
  return <Choice name="outcome" value={s.outcome} options={repairOutcomes} namespace="outcomes" onPick={(outcome) => onChange({ outcome })} />;
}

/** Back from the vendor: fixed (in stock again) or unrepairable (awaiting disposal). */
export const repaired = {
  event: 'repaired',
  settings,
  required: {},
  data: (s) => ({ outcome: s.outcome }),
  Panel,
  words: { da: 'REPARERET', en: 'REPAIRED' },
  clearedByDone: [],
} satisfies Workflow<'repaired', typeof settings>;
