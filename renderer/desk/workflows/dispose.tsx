import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { disposalMethods, disposalMethodSchema } from '../../../shared/domain/device';
import { Choice, TextSetting } from './controls';
import type { SettingsPanelProps, Workflow } from './workflow';

/** No default method: how a batch leaves is chosen, never assumed (a wrong default is a wrong record). */
const settings = z.object({ method: disposalMethodSchema.optional(), certificate: z.string().default('') });
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
  required: { method: 'feedback.needMethod', certificate: 'feedback.needCertificate' },
  data: (s) => {
    // `required` has refused a disposal without a method before this runs.
    if (!s.method) throw new Error('a disposal needs its method');
    return { method: s.method, certificate: s.certificate.trim() };
  },
  Panel,
  words: { da: 'BORTSKAF', en: 'DISPOSE' },
  clearedByDone: ['method', 'certificate'],
} satisfies Workflow<'disposed', typeof settings>;
