import { useId } from 'react';
import type { TrendRow } from '../../../shared/reports/trends';
import { formatDay } from '../../../shared/reports/format';
import { chartFrame as frame, countTicks, dayBand, labelledDays, yOf } from '../chart-scale';
import { useReportLocale } from '../use-report-locale';

export interface ChartSeries {
  key: 'received' | 'ready' | 'returned' | 'handedOutNew' | 'handedOutReused';
  label: string;
  colour: string;
}

interface Props {
  title: string;
  /** One sentence for screen readers: what the picture says. */
  summary: string;
  rows: readonly TrendRow[];
  /** Stacked bottom to top. */
  series: readonly ChartSeries[];
  /** `area`: a level over time (stock); `bars`: counts per day (handouts). */
  shape: 'area' | 'bars';
}

/**
 * A small stacked chart of the last days, drawn as plain SVG: two charts of 30 points need no
 * library, and SVG prints as sharp vectors at any size. Each day's values are in its `<title>`
 * (a tooltip on screen); the same figures are in the trend table and its CSV.
 */
export function TrendChart({ title, summary, rows, series, shape }: Props) {
  const { locale } = useReportLocale();
  const titleId = useId();
  const descId = useId();
  const stacks = rows.map((row) => {
    let sum = 0;
    return series.map((s) => {
      const low = sum;
      sum += row[s.key];
      return { low, high: sum };
    });
  });
  const max = Math.max(0, ...stacks.map((stack) => stack[stack.length - 1]?.high ?? 0));
  const ticks = countTicks(max);
  const top = ticks[ticks.length - 1] ?? 1;
  const numbers = new Intl.NumberFormat(locale);
  const y = (value: number) => yOf(frame, top, value);
  const days = rows.length;

  // Stock is a level held through each day: a step per day, not a slope between days.
  const areaPath = (layer: number): string => {
    const edge = (side: 'low' | 'high') =>
      stacks.flatMap((stack, i) => {
        const band = dayBand(frame, days, i);
        const level = y(stack[layer]?.[side] ?? 0).toFixed(1);
        return [`${band.x.toFixed(1)},${level}`, `${(band.x + band.width).toFixed(1)},${level}`];
      });
    return `M${edge('high').join('L')}L${edge('low').reverse().join('L')}Z`;
  };
  const shortDay = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'numeric', timeZone: 'UTC' });
  const dayLabel = (day: string) => shortDay.format(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))));

  return (
    <figure className="trend-chart" data-chart={shape === 'area' ? 'stock' : 'handouts'}>
      <figcaption id={titleId}>{title}</figcaption>
      <svg viewBox={`0 0 ${frame.width} ${frame.height}`} role="img" aria-labelledby={titleId} aria-describedby={descId}>
        <desc id={descId}>{summary}</desc>
        {ticks.map((tick) => (
          <g key={tick} className="tick">
            <line x1={frame.left} x2={frame.width - frame.right} y1={y(tick)} y2={y(tick)} />
            <text x={frame.left - 6} y={y(tick)} textAnchor="end" dominantBaseline="middle">
              {numbers.format(tick)}
            </text>
          </g>
        ))}
        {shape === 'area'
          ? series.map((s, layer) => <path key={s.key} d={areaPath(layer)} fill={s.colour} />)
          : stacks.map((stack, i) => {
              const band = dayBand(frame, days, i);
              return stack.map(({ low, high }, layer) =>
                high > low ? (
                  <rect
                    key={`${i}-${layer}`}
                    x={band.x + band.width * 0.15}
                    width={band.width * 0.7}
                    y={y(high)}
                    height={y(low) - y(high)}
                    fill={series[layer]?.colour}
                  />
                ) : null,
              );
            })}
        {rows.map((row, i) => {
          const band = dayBand(frame, days, i);
          const values = series.map((s) => `${s.label}: ${numbers.format(row[s.key])}`).join(', ');
          // An invisible band per day carries the day's figures as a tooltip.
          return (
            <rect key={row.day} className="day-hit" x={band.x} width={band.width} y={frame.top} height={frame.height - frame.top - frame.bottom}>
              <title>{`${formatDay(row.day, locale)}: ${values}`}</title>
            </rect>
          );
        })}
        <line className="axis" x1={frame.left} x2={frame.width - frame.right} y1={y(0)} y2={y(0)} />
        {labelledDays(days).map((i) => {
          const row = rows[i];
          if (!row) return null;
          const band = dayBand(frame, days, i);
          const anchor = i === 0 ? 'start' : i === days - 1 ? 'end' : 'middle';
          const x = anchor === 'start' ? band.x : anchor === 'end' ? band.x + band.width : band.centre;
          return (
            <text key={row.day} className="day-label" x={x} y={frame.height - 6} textAnchor={anchor}>
              {dayLabel(row.day)}
            </text>
          );
        })}
      </svg>
      <ul className="legend">
        {[...series].reverse().map((s) => (
          <li key={s.key}>
            <span className="swatch" style={{ borderColor: s.colour }} />
            {s.label}
          </li>
        ))}
      </ul>
    </figure>
  );
}
