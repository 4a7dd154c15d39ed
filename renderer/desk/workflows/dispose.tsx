import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { disposalMethods, disposalMethodSchema } from '../../../shared/domain/device';
import { Choice, TextSetting } from './controls';
import type { SettingsPanelProps, Workflow } from './workflow';

const settings = z.object({ method: disposalMethodSchema.default('recycled'), certificate: z.string().default('') });
type Settings = z.output<typeof settings>;

function Panel({ settings: s, onChange }: SettingsPanelProps<Settings>) {
  const { t } = useTranslation();
  return (
    <>
      <Choice name="method" value={s.method} options={disposalMethods} namespace="methods" onPick={(method) => onChange({ method })} />
      <TextSetting name="certificate" value={s.certificate} required onChange={(certificate) => onChange({ certificate })} />
      <p className="hint">{t('desk.certificateHint')}</p>
    </>
  );
}

/** Gone for good, never without the erasure or disposal certificate. */
export const dispose = {
  event: 'disposed',
  settings,
  required: { certificate: 'feedback.needCertificate' },
  data: (s) => ({ method: s.method, certificate: s.certificate.trim() }),
  Panel,
  words: { da: 'BORTSKAF', en: 'DISPOSE' },
  clearedByDone: ['certificate'],
} satisfies Workflow<'disposed', typeof settings>;
