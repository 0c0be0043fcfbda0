// Reads a /metrics answer in tests: the whole text must parse as Prometheus text exposition
// (parse-prometheus-text-format throws on any invalid line), then samples are looked up by
// name and labels. The parser folds a labelled histogram's series into one, so sample values
// are read from the validated lines themselves.
import parsePrometheusTextFormat, { type ParsedFamily } from "parse-prometheus-text-format";

export interface Exposition {
  families: Map<string, ParsedFamily>;
  /** Sum of the samples named `name` whose labels include `labels`. */
  value(name: string, labels?: Record<string, string>): number;
}

const SAMPLE_LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+\d+)?$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

export function readExposition(text: string): Exposition {
  const families = new Map(parsePrometheusTextFormat(text).map((family) => [family.name, family]));
  const samples: { name: string; labels: Record<string, string>; value: number }[] = [];
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const match = SAMPLE_LINE.exec(line);
    if (!match) throw new Error(`not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? "").matchAll(LABEL)) labels[key!] = value!;
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return {
    families,
    value(name, wanted = {}) {
      let sum = 0;
      for (const sample of samples) {
        if (sample.name !== name) continue;
        if (Object.entries(wanted).every(([key, value]) => sample.labels[key] === value)) sum += sample.value;
      }
      return sum;
    },
  };
}
