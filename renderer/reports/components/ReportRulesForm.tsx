import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deviceKinds } from '../../../shared/domain/device';
import { kindLabels } from '../../../shared/reports/labels';
import { useServices } from '../../app/services';
import { reportRulesSchema, saveReportRules, type ReportRules } from '../report-settings';
import { useReportLocale } from '../use-report-locale';

type Draft = Record<'residualFloorPercent' | 'intuneCheckInDays' | 'reuseGoalPercent' | 'co2eSource' | `co2e-${(typeof deviceKinds)[number]}`, string>;

const draftOf = (rules: ReportRules): Draft => ({
  residualFloorPercent: String(rules.residualFloorPercent),
  intuneCheckInDays: String(rules.intuneCheckInDays),
  reuseGoalPercent: String(rules.reuseGoalPercent),
  co2eSource: rules.co2eSource,
  'co2e-phone': String(rules.co2eKgPerReuse.phone),
  'co2e-tablet': String(rules.co2eKgPerReuse.tablet),
  'co2e-pc': String(rules.co2eKgPerReuse.pc),
});

/** A number as typed in either language (a decimal comma or point); NaN when it is not one. */
const numberOf = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim().replace(',', '.')));

/**
 * The rules the fleet reports count by (`reportRulesSchema`): the depreciation floor, the days of
 * Intune silence that make a handed-out device unused, the reuse goal, and the CO₂e a reuse saves
 * per kind with its source. For whoever may set the prices; the reports rerun when saved.
 */
export function ReportRulesForm({ rules }: { rules: ReportRules }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const { language } = useReportLocale();
  const [draft, setDraft] = useState<Draft>(() => draftOf(rules));
  const [message, setMessage] = useState<{ tone: 'good' | 'error'; text: string } | null>(null);
  const field = (name: keyof Draft, label: string, props: { inputMode?: 'decimal' | 'numeric'; size?: number } = { inputMode: 'decimal', size: 6 }) => (
    <label key={name} className="field inline">
      {label}
      <input name={name} value={draft[name]} onChange={(e) => setDraft({ ...draft, [name]: e.target.value })} {...props} />
    </label>
  );
  return (
    <form
      className="report-rules no-print card"
      data-testid="report-rules"
      onSubmit={async (e) => {
        e.preventDefault();
        const parsed = reportRulesSchema.safeParse({
          residualFloorPercent: numberOf(draft.residualFloorPercent),
          intuneCheckInDays: numberOf(draft.intuneCheckInDays),
          reuseGoalPercent: numberOf(draft.reuseGoalPercent),
          co2eSource: draft.co2eSource.trim(),
          co2eKgPerReuse: { phone: numberOf(draft['co2e-phone']), tablet: numberOf(draft['co2e-tablet']), pc: numberOf(draft['co2e-pc']) },
        });
        if (!parsed.success) {
          const fields = [...new Set(parsed.error.issues.map((issue) => t(`reports.rules.${String(issue.path[0])}`)))];
          return setMessage({ tone: 'error', text: t('reports.rules.invalid', { fields: fields.join(', ') }) });
        }
        await saveReportRules(db, parsed.data);
        setMessage({ tone: 'good', text: t('reports.rules.saved') });
      }}
    >
      <h2>{t('reports.rules.title')}</h2>
      <p className="hint">{t('reports.rules.explain')}</p>
      <fieldset>
        <legend>{t('reports.rules.fleet')}</legend>
        {field('residualFloorPercent', t('reports.rules.residualFloorPercent'))}
        {field('intuneCheckInDays', t('reports.rules.intuneCheckInDays'), { inputMode: 'numeric', size: 5 })}
        {field('reuseGoalPercent', t('reports.rules.reuseGoalPercent'))}
      </fieldset>
      <fieldset>
        <legend>{t('reports.rules.co2eKgPerReuse')}</legend>
        {deviceKinds.map((kind) => field(`co2e-${kind}`, t('reports.rules.co2eOf', { kind: kindLabels[kind][language] })))}
        <label className="field wide">
          {t('reports.rules.co2eSource')}
          <textarea name="co2eSource" rows={2} maxLength={500} value={draft.co2eSource} onChange={(e) => setDraft({ ...draft, co2eSource: e.target.value })} />
        </label>
      </fieldset>
      <button type="submit" className="primary">
        {t('reports.rules.save')}
      </button>
      {message && (
        <p className={`notice ${message.tone}`} role={message.tone === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </form>
  );
}
