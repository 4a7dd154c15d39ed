import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { deviceKinds, deviceKindSchema, isoDateSchema } from '../../../shared/domain/device';
import type { Model } from '../../../shared/domain/reference';
import { ModelPicker } from '../../reference/ModelPicker';
import { parseKroner } from '../../../shared/domain/money';
import { Choice } from './controls';
import type { SettingsPanelProps, Workflow } from './workflow';

const settings = z.object({
  kind: deviceKindSchema.default('phone'),
  model: z.string().optional(),
  /** The day the batch was bought; none: the day it is received. */
  purchaseDate: isoDateSchema.optional(),
  /** What one device of the batch cost, in øre; set from the model's price when the model is chosen. */
  purchasePrice: z.number().int().nonnegative().optional(),
});
type Settings = z.output<typeof settings>;

/** Choosing a model sets the kind and the price (the model's, if it has one). */
const fromModel = (model: Model): Partial<Settings> => ({ model: model.id, kind: model.kind, purchasePrice: model.price });

function Panel({ settings: s, onChange }: SettingsPanelProps<Settings>) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'da-DK';
  const shown = (ore: number | undefined) =>
    ore === undefined ? '' : new Intl.NumberFormat(locale, { minimumFractionDigits: 0, maximumFractionDigits: 2, useGrouping: false }).format(ore / 100);
  // The typed price as typed, until it reads as kroner; a model chosen meanwhile replaces it.
  const [price, setPrice] = useState({ text: shown(s.purchasePrice), of: s.purchasePrice });
  const priceText = price.of === s.purchasePrice ? price.text : shown(s.purchasePrice);
  const priceBad = priceText.trim() !== '' && parseKroner(priceText, locale) === null;
  return (
    <>
      <ModelPicker value={s.model} onChange={(model) => onChange(model ? fromModel(model) : { model: undefined, purchasePrice: undefined })} />
      <Choice name="kind" value={s.kind} options={deviceKinds} namespace="kinds" onPick={(kind) => onChange({ kind })} />
      <label className="field">
        {t('desk.purchaseDate')}
        <input type="date" data-field="purchaseDate" value={s.purchaseDate ?? ''} onChange={(e) => onChange({ purchaseDate: isoDateSchema.safeParse(e.target.value).data })} />
      </label>
      <label className="field">
        {t('desk.purchasePrice')}
        <input
          data-field="purchasePrice"
          inputMode="decimal"
          size={10}
          value={priceText}
          aria-invalid={priceBad}
          onChange={(e) => {
            const text = e.target.value;
            const ore = text.trim() === '' ? undefined : (parseKroner(text, locale) ?? undefined);
            setPrice({ text, of: ore });
            onChange({ purchasePrice: ore });
          }}
        />
        {priceBad && <span className="form-error">{t('desk.purchasePriceInvalid')}</span>}
      </label>
      <p className="hint">{t('desk.modelHint')}</p>
    </>
  );
}

/** A new device enters the register by its IMEI or serial, with the batch's kind, model and purchase. */
export const receive = {
  event: 'received',
  settings,
  required: {},
  data: (s, scan, place) => {
    const base = {
      kind: s.kind,
      ...(s.model ? { model: s.model } : {}),
      // Depreciation and the replacement plan start from these (shared/fleet/).
      purchaseDate: s.purchaseDate ?? place.today,
      ...(s.purchasePrice !== undefined ? { purchasePrice: s.purchasePrice } : {}),
    };
    if (scan.kind === 'imei') return { ...base, imei: scan.value };
    if (scan.kind === 'serial') return { ...base, serial: scan.value, ...(scan.alternatives?.length ? { alternatives: scan.alternatives } : {}) };
    return base;
  },
  modelFromBox: fromModel,
  Panel,
  words: { da: 'MODTAG', en: 'RECEIVE' },
  // The next batch's boxes may hold another model, bought another day: DONE asks for them again.
  clearedByDone: ['model', 'purchaseDate', 'purchasePrice'],
} satisfies Workflow<'received', typeof settings>;
