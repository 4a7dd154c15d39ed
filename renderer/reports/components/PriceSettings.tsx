import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deviceKinds, type DeviceKind } from '../../../shared/domain/device';
import { kindLabels } from '../../../shared/reports/labels';
import { useServices } from '../../app/services';
import { parseKroner } from '../../../shared/domain/money';
import { saveReportPrices, type ReportPrices } from '../report-settings';
import { useReportLocale } from '../use-report-locale';

/** The yearly subscription per device and kind, set by the team lead or the finance office. */
export function PriceSettings({ prices }: { prices: ReportPrices }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const { language, locale } = useReportLocale();
  const kroner = new Intl.NumberFormat(locale, { minimumFractionDigits: 0, maximumFractionDigits: 2, useGrouping: false });
  const [draft, setDraft] = useState<Record<DeviceKind, string>>(() => ({
    phone: kroner.format(prices.phone / 100),
    tablet: kroner.format(prices.tablet / 100),
    pc: kroner.format(prices.pc / 100),
  }));
  const [message, setMessage] = useState<{ tone: 'good' | 'error'; text: string } | null>(null);
  return (
    <form
      className="price-settings no-print"
      onSubmit={async (e) => {
        e.preventDefault();
        const [phone, tablet, pc] = [draft.phone, draft.tablet, draft.pc].map((text) => parseKroner(text, locale));
        if (phone == null || tablet == null || pc == null) return setMessage({ tone: 'error', text: t('reports.billing.priceInvalid') });
        await saveReportPrices(db, { phone, tablet, pc } satisfies ReportPrices);
        setMessage({ tone: 'good', text: t('reports.billing.pricesSaved') });
      }}
    >
      <fieldset>
        <legend>{t('reports.billing.prices')}</legend>
        {deviceKinds.map((kind) => (
          <label key={kind} className="field inline">
            {t('reports.billing.price', { kind: kindLabels[kind][language] })}
            <input name={`price-${kind}`} inputMode="decimal" size={8} value={draft[kind]} onChange={(e) => setDraft({ ...draft, [kind]: e.target.value })} />
          </label>
        ))}
        <button type="submit">{t('reports.billing.savePrices')}</button>
      </fieldset>
      {message && (
        <p className={`notice ${message.tone}`} role={message.tone === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </form>
  );
}
