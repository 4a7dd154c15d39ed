import { z } from 'zod';
import { conditions, conditionSchema } from '../../../shared/domain/device';
import { employeeSchema } from '../../../shared/domain/reference';
import { EmployeePicker } from '../../reference/EmployeePicker';
import { Choice, optionalText, TextSetting } from './controls';
import type { SettingsPanelProps, Workflow } from './workflow';

// The employee is who brings the devices back: set by scanning their card, for the receipt.
const settings = z.object({
  condition: conditionSchema.default('ok'),
  reason: z.string().default(''),
  employee: employeeSchema.optional(),
  /** The ServiceNow request item the return answers, scanned (`RITM…`) or typed. */
  requestNumber: z.string().default(''),
});
type Settings = z.output<typeof settings>;

function Panel({ settings: s, onChange }: SettingsPanelProps<Settings>) {
  return (
    <>
      {s.employee && <EmployeePicker value={s.employee} onChange={(employee) => onChange({ employee })} />}
      <Choice name="condition" value={s.condition} options={conditions} namespace="conditions" onPick={(condition) => onChange({ condition })} />
      <TextSetting name="reason" value={s.reason} onChange={(reason) => onChange({ reason })} />
      <TextSetting name="requestNumber" value={s.requestNumber} onChange={(requestNumber) => onChange({ requestNumber })} />
    </>
  );
}

/** Back from an employee, in the condition seen at the desk (the triage suggests the next step). */
export const giveBack = {
  event: 'returned',
  settings,
  required: {},
  data: (s) => ({ condition: s.condition, ...optionalText('reason', s.reason), ...optionalText('requestNumber', s.requestNumber) }),
  Panel,
  words: { da: 'RETUR', en: 'RETURN' },
  clearedByDone: ['reason', 'employee', 'requestNumber'],
} satisfies Workflow<'returned', typeof settings>;
