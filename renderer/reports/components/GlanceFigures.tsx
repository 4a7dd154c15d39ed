import { useReportLocale } from '../use-report-locale';

export interface GlanceFigure {
  id: string;
  label: string;
  value: number;
  /** A line under the figure, e.g. how it divides. */
  detail?: string;
}

/** The day's figures in large type, readable from a step away; also on the printout. */
export function GlanceFigures({ figures }: { figures: readonly GlanceFigure[] }) {
  const { locale } = useReportLocale();
  const numbers = new Intl.NumberFormat(locale);
  return (
    <dl className="glance">
      {figures.map((figure) => (
        <div key={figure.id} className="glance-figure" data-figure={figure.id}>
          <dt>{figure.label}</dt>
          <dd>
            <span className="glance-value">{numbers.format(figure.value)}</span>
            {figure.detail && <span className="glance-detail">{figure.detail}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
