import { z } from 'zod';
import { employeeSchema } from '../../../shared/domain/reference';
import { EmployeePicker } from '../../reference/EmployeePicker';
import { optionalText, TextSetting } from './controls';
import type { SettingsPanelProps, Workflow } from './workflow';

// The request number: the ServiceNow request item the handout answers, scanned (`RITM…`) or typed.
const settings = z.object({ employee: employeeSchema.optional(), requestNumber: z.string().default('') });
type Settings = z.output<typeof settings>;

function Panel({ settings: s, onChange }: SettingsPanelProps<Settings>) {
  return (
    <>
      <EmployeePicker value={s.employee} onChange={(employee) => onChange({ employee })} />
      <TextSetting name="requestNumber" value={s.requestNumber} onChange={(requestNumber) => onChange({ requestNumber })} />
    </>
  );
}

/** Devices to one employee, chosen once; DONE forgets the employee so the next one is chosen anew. */
export const handout = {
  event: 'handed_out',
  settings,
  required: { employee: 'feedback.needEmployee' },
  data: (s) => ({ employeeId: s.employee?.id ?? '', department: s.employee?.department ?? '', ...optionalText('requestNumber', s.requestNumber) }),
  Panel,
  words: { da: 'UDLEVER', en: 'HANDOUT' },
  clearedByDone: ['employee', 'requestNumber'],
} satisfies Workflow<'handed_out', typeof settings>;
