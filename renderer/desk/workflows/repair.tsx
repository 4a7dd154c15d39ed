import { z } from 'zod';
import { optionalText, TextSetting } from './controls';
import type { SettingsPanelProps, Workflow } from './workflow';

const settings = z.object({ vendor: z.string().default(''), ticket: z.string().default('') });
type Settings = z.output<typeof settings>;

function Panel({ settings: s, onChange }: SettingsPanelProps<Settings>) {
  return (
    <>
      <TextSetting name="vendor" value={s.vendor} required onChange={(vendor) => onChange({ vendor })} />
      <TextSetting name="ticket" value={s.ticket} onChange={(ticket) => onChange({ ticket })} />
    </>
  );
}

/** Sent to a repair vendor, with the vendor's ticket when there is one. */
export const repair = {
  event: 'sent_to_repair',
  settings,
  required: { vendor: 'feedback.needVendor' },
  data: (s) => ({ vendor: s.vendor.trim(), ...optionalText('ticket', s.ticket) }),
  Panel,
  words: { da: 'REPARATION', en: 'REPAIR' },
  clearedByDone: ['ticket'],
} satisfies Workflow<'sent_to_repair', typeof settings>;
