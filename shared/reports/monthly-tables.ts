import type { DeviceKey, DisposalMethod } from '../domain/device';
import { kindLabels, type Label } from './labels';
import type { BillingTotalLine, Co2eLine, DisposalLine, MonthlySummary, RepairLine } from './monthly-summary';
import { namedValues, type ReportTable } from './tables';

/** The monthly summary as `ReportTable`s: the page, the printout and the CSV show the same figures. */

export const monthlyFigureIds = [
  'handouts',
  'handouts_new',
  'handouts_reused',
  'reuse_share',
  'purchases_avoided',
  'co2e_avoided',
  'returns',
  'sent_to_repair',
  'back_from_repair',
  'in_repair',
  'disposals',
  'disposals_certified',
  'idle',
  'intune_unused',
  'billing',
] as const;
export type MonthlyFigureId = (typeof monthlyFigureIds)[number];

export const monthlyFigureLabels: Readonly<Record<MonthlyFigureId, Label>> = {
  handouts: { da: 'Udleveringer', en: 'Handouts' },
  handouts_new: { da: '– heraf nye enheder', en: '– of them new devices' },
  handouts_reused: { da: '– heraf genbrugte enheder', en: '– of them reused devices' },
  reuse_share: { da: 'Genbrugsandel', en: 'Reuse share' },
  purchases_avoided: { da: 'Indkøb sparet ved genbrug', en: 'Purchases avoided by reuse' },
  co2e_avoided: { da: 'CO₂e sparet ved genbrug', en: 'CO₂e avoided by reuse' },
  returns: { da: 'Returneringer', en: 'Returns' },
  sent_to_repair: { da: 'Sendt til reparation', en: 'Sent to repair' },
  back_from_repair: { da: 'Retur fra reparation', en: 'Back from repair' },
  in_repair: { da: 'Til reparation ved månedens slutning (dage ude i alt)', en: 'At repair when the month ended (days out in all)' },
  disposals: { da: 'Bortskaffet', en: 'Disposed of' },
  disposals_certified: { da: '– heraf med certifikat', en: '– of them with a certificate' },
  idle: { da: 'Ubrugte på lager (over grænsen)', en: 'Unused on the shelf (over the limit)' },
  intune_unused: { da: 'Udleveret, men ubrugt ifølge Intune', en: 'Handed out but unused by Intune' },
  billing: { da: 'Abonnement til forvaltningerne (kvartalet)', en: 'Subscription billed to departments (the quarter)' },
};

/** One line of the page's figures: a count, and where it has one an amount, CO₂e, share or days. */
export interface MonthlyFigureRow {
  figure: MonthlyFigureId;
  count: number | null;
  amountOre: number | null;
  kg: number | null;
  share: number | null;
  days: number | null;
  /** The devices behind the figure (not a column: the screen links the count to them). */
  keys: readonly DeviceKey[];
}

const disposalMethodLabels: Readonly<Record<DisposalMethod, Label>> = {
  recycled: { da: 'Genanvendt', en: 'Recycled' },
  destroyed: { da: 'Destrueret', en: 'Destroyed' },
  resold: { da: 'Videresolgt', en: 'Resold' },
};

const count = { label: { da: 'Antal', en: 'Count' }, type: 'integer' } as const;
const device = { label: { da: 'IMEI/serienr.', en: 'IMEI/serial no.' }, type: 'device' } as const;

export function monthlyFigureRows(summary: MonthlySummary): MonthlyFigureRow[] {
  const row = (figure: MonthlyFigureId, fields: Partial<Omit<MonthlyFigureRow, 'figure'>>): MonthlyFigureRow => ({
    figure,
    count: null,
    amountOre: null,
    kg: null,
    share: null,
    days: null,
    keys: [],
    ...fields,
  });
  const fig = (figure: MonthlyFigureId, { count: n, keys }: { count: number; keys: readonly DeviceKey[] }, more: Partial<MonthlyFigureRow> = {}) =>
    row(figure, { count: n, keys, ...more });
  const reused = summary.handoutsReused;
  const rows = [
    fig('handouts', summary.handouts),
    fig('handouts_new', summary.handoutsNew),
    fig('handouts_reused', reused),
    row('reuse_share', { share: summary.reuseShare, keys: reused.keys }),
    fig('purchases_avoided', reused, { amountOre: summary.purchasesAvoidedOre }),
    fig('co2e_avoided', reused, { kg: summary.co2eKg }),
    fig('returns', summary.returns),
    fig('sent_to_repair', summary.sentToRepair),
    fig('back_from_repair', summary.backFromRepair),
    fig('in_repair', summary.inRepairFigure, { days: summary.repairDaysOut }),
    fig('disposals', summary.disposalsFigure),
    fig('disposals_certified', { count: summary.disposalsCertified, keys: summary.disposalsFigure.keys }),
    fig('idle', summary.idle),
  ];
  if (summary.intuneUnused) rows.push(fig('intune_unused', summary.intuneUnused));
  if (summary.billing) rows.push(row('billing', { count: summary.billing.devicesAtEnd, amountOre: summary.billing.amountOre }));
  return rows;
}

export function monthlySummaryTables(summary: MonthlySummary, names: { models: Iterable<readonly [string, string]> }) {
  const models = namedValues(names.models);
  const model = { label: { da: 'Model', en: 'Model' }, type: 'text', values: models } as const;
  const goal = Math.round(summary.reuseGoal * 1000) / 10;
  const figureLabels = { ...monthlyFigureLabels, reuse_share: { da: `Genbrugsandel (mål ${goal} %)`, en: `Reuse share (goal ${goal} %)` } };
  const figures: ReportTable<MonthlyFigureRow> = {
    id: 'monthly-figures',
    title: { da: 'Månedens tal', en: 'The month’s figures' },
    columns: [
      { key: 'figure', label: { da: 'Nøgletal', en: 'Figure' }, type: 'text', values: figureLabels },
      { key: 'count', ...count },
      { key: 'amountOre', label: { da: 'Beløb (kr.)', en: 'Amount (DKK)' }, type: 'money', exportHeader: 'Beløb (kr.)' },
      { key: 'kg', label: { da: 'CO₂e (kg)', en: 'CO₂e (kg)' }, type: 'integer', exportHeader: 'CO2e (kg)' },
      { key: 'share', label: { da: 'Andel', en: 'Share' }, type: 'percent' },
      { key: 'days', label: { da: 'Dage', en: 'Days' }, type: 'integer' },
    ],
    rows: monthlyFigureRows(summary),
  };
  const co2e: ReportTable<Co2eLine> = {
    id: 'monthly-co2e',
    title: { da: 'CO₂e sparet ved genbrug, pr. type', en: 'CO₂e avoided by reuse, by kind' },
    columns: [
      { key: 'kind', label: { da: 'Type', en: 'Kind' }, type: 'text', values: kindLabels },
      { key: 'devices', label: { da: 'Genbrugte', en: 'Reused' }, type: 'integer' },
      { key: 'kgEach', label: { da: 'kg CO₂e pr. enhed', en: 'kg CO₂e per device' }, type: 'decimal', exportHeader: 'kg CO2e pr. enhed' },
      { key: 'kg', label: { da: 'kg CO₂e', en: 'kg CO₂e' }, type: 'decimal', exportHeader: 'kg CO2e' },
    ],
    rows: summary.co2e,
  };
  const repairs: ReportTable<RepairLine> = {
    id: 'monthly-repairs',
    title: { da: 'Til reparation ved månedens slutning', en: 'At repair when the month ended' },
    columns: [
      { key: 'deviceKey', ...device },
      { key: 'model', ...model },
      { key: 'vendor', label: { da: 'Værksted', en: 'Repair vendor' }, type: 'text' },
      { key: 'since', label: { da: 'Sendt', en: 'Sent' }, type: 'date' },
      { key: 'daysOut', label: { da: 'Dage ude', en: 'Days out' }, type: 'integer' },
    ],
    rows: summary.inRepair,
  };
  const disposals: ReportTable<DisposalLine> = {
    id: 'monthly-disposals',
    title: { da: 'Bortskaffet med certifikat', en: 'Disposed of, with certificates' },
    columns: [
      { key: 'deviceKey', ...device },
      { key: 'model', ...model },
      { key: 'day', label: { da: 'Dato', en: 'Date' }, type: 'date' },
      { key: 'method', label: { da: 'Metode', en: 'Method' }, type: 'text', values: disposalMethodLabels },
      { key: 'certificate', label: { da: 'Certifikat', en: 'Certificate' }, type: 'text' },
    ],
    rows: summary.disposals,
  };
  const billing: ReportTable<BillingTotalLine> = {
    id: 'monthly-billing',
    title: { da: `Abonnement pr. forvaltning, ${summary.billing?.period ?? ''}`, en: `Subscription by department, ${summary.billing?.period ?? ''}` },
    columns: [
      { key: 'department', label: { da: 'Forvaltning', en: 'Department' }, type: 'text' },
      { key: 'name', label: { da: 'Navn', en: 'Name' }, type: 'text' },
      { key: 'devicesAtEnd', label: { da: 'Enheder', en: 'Devices' }, type: 'integer' },
      { key: 'amountOre', label: { da: 'Beløb (kr.)', en: 'Amount (DKK)' }, type: 'money', exportHeader: 'Beløb (kr.)' },
    ],
    rows: summary.billing?.departments ?? [],
  };
  return { figures, co2e, repairs, disposals, billing };
}
