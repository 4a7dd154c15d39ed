import type { TFunction } from 'i18next';
import type { DailyStockReport } from '../../shared/reports/daily-stock';
import { statusLabels, type Language } from '../../shared/reports/labels';
import type { GlanceFigure } from './components/GlanceFigures';

/** The day's figures at a glance, from the daily stock report: the same numbers as its tables. */
export function dailyFigures(report: DailyStockReport, t: TFunction, language: Language, locale: string): GlanceFigure[] {
  const numbers = new Intl.NumberFormat(locale);
  const moved = (type: string) => report.movementTotals.find((total) => total.type === type)?.count ?? 0;
  const { stockByStatus, handouts } = report;
  return [
    {
      id: 'stock',
      label: t('reports.overview.stock'),
      value: report.stockTotal,
      detail: (['received', 'ready', 'returned'] as const).map((status) => `${numbers.format(stockByStatus[status])} ${statusLabels[status][language].toLowerCase()}`).join(' · '),
    },
    {
      id: 'handed-out',
      label: t('reports.overview.handedOut'),
      value: handouts.total,
      detail: t('reports.overview.handedOutDetail', { new: numbers.format(handouts.new), reused: numbers.format(handouts.reused) }),
    },
    { id: 'received', label: t('reports.overview.received'), value: moved('received') },
    { id: 'returned', label: t('reports.overview.returned'), value: moved('returned') },
    {
      id: 'in-repair',
      label: t('reports.overview.inRepair'),
      value: report.inRepair.length,
      devices: { keys: report.inRepair.map((row) => row.deviceKey), title: `${t('reports.overview.inRepair')} · ${report.location} · ${report.day}` },
    },
    {
      id: 'idle',
      label: t('reports.overview.idle', { days: report.idleDays }),
      value: report.idle.length,
      devices: { keys: report.idle.map((row) => row.deviceKey), title: `${t('reports.overview.idle', { days: report.idleDays })} · ${report.location} · ${report.day}` },
    },
  ];
}
