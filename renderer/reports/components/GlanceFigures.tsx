import type { DeviceFilter } from '../../../shared/register/device-filter';
import { devicesHref } from '../device-link';
import { useReportLocale } from '../use-report-locale';

export interface GlanceFigure {
  id: string;
  label: string;
  value: number;
  /** A line under the figure, e.g. how it divides. */
  detail?: string;
  /** The devices behind the figure: its value links to the register's view of them. */
  devices?: DeviceFilter;
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
            {figure.devices ? (
              <a className="glance-value" href={devicesHref(figure.devices)} data-devices={figure.id}>
                {numbers.format(figure.value)}
              </a>
            ) : (
              <span className="glance-value">{numbers.format(figure.value)}</span>
            )}
            {figure.detail && <span className="glance-detail">{figure.detail}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
