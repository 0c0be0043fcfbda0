import { useEffect, useRef } from "preact/hooks";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

export interface Series {
  label: string;
  values: Array<number | null>;
  color: string;
}

/**
 * A line chart over days (uPlot on a canvas), sized to its container. The canvas is hidden
 * from assistive technology: the same figures are in the table the view shows beside it.
 */
export function DayChart({ title, days, series }: { title: string; days: Date[]; series: Series[] }) {
  const holder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = holder.current;
    if (!element) return;
    const data: uPlot.AlignedData = [days.map((day) => day.getTime() / 1000), ...series.map((s) => s.values)];
    const plot = new uPlot(
      {
        width: Math.max(240, element.clientWidth),
        height: 200,
        series: [
          {},
          ...series.map((s) => ({ label: s.label, stroke: s.color, width: 2, points: { show: true } })),
        ],
        axes: [{}, { size: 56 }],
        legend: { show: true },
      },
      data,
      element,
    );
    const resize = new ResizeObserver(() =>
      plot.setSize({ width: Math.max(240, element.clientWidth), height: 200 }),
    );
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [days, series]);
  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      <div ref={holder} aria-hidden="true" />
    </figure>
  );
}
