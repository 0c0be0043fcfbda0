// A small line chart as SVG text (no plotting dependency): series of y values over shared
// x categories, log-spaced x axis positions given by the category order.

interface Series {
  name: string;
  color: string;
  values: number[];
  dashed?: boolean;
}

export function lineChartSvg(options: {
  title: string;
  xLabel: string;
  yLabel: string;
  xValues: number[];
  series: Series[];
  /** A horizontal reference line (an aim), drawn dotted. */
  reference?: { value: number; label: string };
}): string {
  const width = 720;
  const height = 420;
  const left = 70;
  const right = 190;
  const top = 40;
  const bottom = 60;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const finite = options.series.flatMap((series) => series.values.filter(Number.isFinite));
  const yMaxRaw = Math.max(1, ...finite, options.reference?.value ?? 0);
  const yStep = niceStep(yMaxRaw / 5);
  const yMax = Math.ceil(yMaxRaw / yStep) * yStep;
  const x = (index: number) =>
    round1(
      left +
        (options.xValues.length === 1 ? plotWidth / 2 : (index * plotWidth) / (options.xValues.length - 1)),
    );
  const y = (value: number) => round1(top + plotHeight - (value / yMax) * plotHeight);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${left}" y="22" font-size="15" font-weight="bold">${escapeXml(options.title)}</text>`,
  ];
  for (let value = 0; value <= yMax + 1e-9; value += yStep) {
    parts.push(
      `<line x1="${left}" x2="${left + plotWidth}" y1="${y(value)}" y2="${y(value)}" stroke="#e5e5e5"/>`,
      `<text x="${left - 8}" y="${y(value) + 4}" text-anchor="end">${round(value)}</text>`,
    );
  }
  options.xValues.forEach((value, index) => {
    parts.push(`<text x="${x(index)}" y="${top + plotHeight + 18}" text-anchor="middle">${value}</text>`);
  });
  parts.push(
    `<line x1="${left}" x2="${left}" y1="${top}" y2="${top + plotHeight}" stroke="#333"/>`,
    `<line x1="${left}" x2="${left + plotWidth}" y1="${top + plotHeight}" y2="${top + plotHeight}" stroke="#333"/>`,
    `<text x="${left + plotWidth / 2}" y="${height - 18}" text-anchor="middle">${escapeXml(options.xLabel)}</text>`,
    `<text x="18" y="${top + plotHeight / 2}" text-anchor="middle" transform="rotate(-90 18 ${top + plotHeight / 2})">${escapeXml(options.yLabel)}</text>`,
  );
  if (options.reference) {
    const ry = y(options.reference.value);
    parts.push(
      `<line x1="${left}" x2="${left + plotWidth}" y1="${ry}" y2="${ry}" stroke="#999" stroke-dasharray="2,4"/>`,
      `<text x="${left + plotWidth + 6}" y="${ry + 4}" fill="#666">${escapeXml(options.reference.label)}</text>`,
    );
  }
  options.series.forEach((series, seriesIndex) => {
    const points = series.values
      .map((value, index) => (Number.isFinite(value) ? `${x(index)},${y(value)}` : null))
      .filter((point): point is string => point !== null);
    parts.push(
      `<polyline fill="none" stroke="${series.color}" stroke-width="2"${series.dashed ? ' stroke-dasharray="6,4"' : ""} points="${points.join(" ")}"/>`,
    );
    for (const point of points) {
      const [px, py] = point.split(",");
      parts.push(`<circle cx="${px}" cy="${py}" r="3" fill="${series.color}"/>`);
    }
    const legendY = top + 10 + seriesIndex * 20;
    parts.push(
      `<line x1="${left + plotWidth + 20}" x2="${left + plotWidth + 44}" y1="${legendY}" y2="${legendY}" stroke="${series.color}" stroke-width="2"${series.dashed ? ' stroke-dasharray="6,4"' : ""}/>`,
      `<text x="${left + plotWidth + 50}" y="${legendY + 4}">${escapeXml(series.name)}</text>`,
    );
  });
  parts.push("</svg>");
  return `${parts.join("\n")}\n`;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

function niceStep(raw: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  for (const factor of [1, 2, 5, 10]) if (factor * magnitude >= raw) return factor * magnitude;
  return 10 * magnitude;
}

function round(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

function escapeXml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}
