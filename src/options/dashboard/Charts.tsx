import { useEffect, useRef } from 'preact/hooks';
import { t, uiLocale } from '../../i18n/t.ts';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { dateTicks, numberTicks } from './chart-format.ts';

/** Asks per day as bars, with the needed and realistic paces as lines (uPlot, canvas). */
export function AsksChart({
  dates,
  asks,
  needed,
  realistic,
  summary,
}: {
  dates: string[];
  asks: number[];
  needed: number | null;
  realistic: number;
  summary: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const xs = dates.map((d) => new Date(`${d}T12:00:00`).getTime() / 1000);
    const width = Math.max(320, Math.min(900, el.clientWidth || 720));
    const bars = uPlot.paths.bars?.({ size: [0.7, 24] });
    // Tick labels in the extension's UI language, not uPlot's English month names.
    const locale = uiLocale();
    const dateLabels = dateTicks(locale);
    const numberLabels = numberTicks(locale);
    const plot = new uPlot(
      {
        width,
        height: 240,
        legend: { show: false },
        cursor: { show: false },
        scales: {
          x: { time: true },
          y: { range: (_u, _min, max) => [0, Math.max(1, max, needed ?? 0, realistic) * 1.1] },
        },
        axes: [
          // Room for the longest labels ("15. Sept.") between ticks.
          { stroke: '#333', space: 64, values: (_u, splits, _axis, _space, incr) => dateLabels(splits, incr) },
          {
            stroke: '#333',
            label: t('optionsChartAxis'),
            values: (_u, splits, _axis, _space, incr) => numberLabels(splits, incr),
          },
        ],
        series: [
          {},
          {
            label: t('optionsChartAsks'),
            stroke: '#1d4ed8',
            fill: 'rgba(29, 78, 216, 0.55)',
            ...(bars ? { paths: bars } : {}),
            points: { show: false },
          },
          { label: t('optionsChartNeeded'), stroke: '#b91c1c', width: 2, dash: [6, 4], points: { show: false } },
          { label: t('optionsChartRealistic'), stroke: '#047857', width: 2, points: { show: false } },
        ],
      },
      [xs, asks, xs.map(() => needed), xs.map(() => realistic)],
      el,
    );
    return () => plot.destroy();
  }, [dates, asks, needed, realistic]);
  return (
    <figure class="chart">
      <div ref={box} role="img" aria-label={summary} />
      <figcaption class="legend">
        <span class="key asks">{t('optionsChartAsksMade')}</span>{' '}
        <span class="key needed">{t('optionsChartNeeded')}</span>{' '}
        <span class="key realistic">{t('optionsChartRealistic')}</span>
      </figcaption>
    </figure>
  );
}

/** Overlaid horizontal bars in plain SVG, largest first (decorative: the table carries the numbers). */
export function Bars({ values, max }: { values: { part: number; tone: string }[]; max: number }) {
  const width = 160;
  return (
    <svg width={width} height={14} aria-hidden="true" focusable="false" class="bars">
      {values.map((v, i) => {
        const w = max > 0 ? (v.part / max) * width : 0;
        return <rect key={i} x={0} y={0} width={w} height={14} class={v.tone} />;
      })}
    </svg>
  );
}
