import { z } from 'zod';
import { employeeSchema } from '../../../shared/domain/reference';
import { EmployeePicker } from '../../reference/EmployeePicker';
import type { SettingsPanelProps, Workflow } from './workflow';

const settings = z.object({ employee: employeeSchema.optional() });
type Settings = z.output<typeof settings>;

function Panel({ settings: s, onChange }: SettingsPanelProps<Settings>) {
  return <EmployeePicker value={s.employee} onChange={(employee) => onChange({ employee })} />;
}

/** Devices to one employee, chosen once; DONE forgets the employee so the next one is chosen anew. */
export const handout = {
  event: 'handed_out',
  settings,
  required: { employee: 'feedback.needEmployee' },
  data: (s) => ({ employeeId: s.employee?.id ?? '', department: s.employee?.department ?? '' }),
  Panel,
  words: { da: 'UDLEVER', en: 'HANDOUT' },
  clearedByDone: ['employee'],
} satisfies Workflow<'handed_out', typeof settings>;
