import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { SettingsPanelProps, Workflow } from './workflow';

const settings = z.object({ wiped: z.boolean().default(true), enrolled: z.boolean().default(true) });
type Settings = z.output<typeof settings>;

function Panel({ settings: s, onChange }: SettingsPanelProps<Settings>) {
  const { t } = useTranslation();
  return (
    <div className="checks">
      <label>
        <input type="checkbox" checked={s.wiped} onChange={(e) => onChange({ wiped: e.target.checked })} /> {t('desk.wiped')}
      </label>
      <label>
        <input type="checkbox" checked={s.enrolled} onChange={(e) => onChange({ enrolled: e.target.checked })} /> {t('desk.enrolled')}
      </label>
    </div>
  );
}

/** Wiped and enrolled: ready to hand out (the lifecycle refuses `ready` without both). */
export const prepare = {
  event: 'prepared',
  settings,
  required: {},
  data: (s) => ({ wiped: s.wiped, enrolled: s.enrolled }),
  Panel,
  words: { da: 'KLARGOR', en: 'PREPARE' },
  clearedByDone: [],
} satisfies Workflow<'prepared', typeof settings>;
