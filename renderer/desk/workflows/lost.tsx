import { z } from 'zod';
import { optionalText, TextSetting } from './controls';
import type { SettingsPanelProps, Workflow } from './workflow';

const settings = z.object({ reason: z.string().default('') });
type Settings = z.output<typeof settings>;

function Panel({ settings: s, onChange }: SettingsPanelProps<Settings>) {
  return <TextSetting name="reason" value={s.reason} onChange={(reason) => onChange({ reason })} />;
}

/** Reported lost, with what is known of how. */
export const lost = {
  event: 'reported_lost',
  settings,
  required: {},
  data: (s) => optionalText('reason', s.reason),
  Panel,
  words: { da: 'BORTKOMMET', en: 'LOST' },
  clearedByDone: ['reason'],
} satisfies Workflow<'reported_lost', typeof settings>;
