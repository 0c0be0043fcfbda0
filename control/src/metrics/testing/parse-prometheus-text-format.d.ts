declare module "parse-prometheus-text-format" {
  export interface ParsedFamily {
    name: string;
    help: string;
    type: "COUNTER" | "GAUGE" | "HISTOGRAM" | "SUMMARY" | "UNTYPED";
    metrics: Array<Record<string, unknown>>;
  }
  /** Throws on a line that is not valid text exposition. */
  export default function parsePrometheusTextFormat(text: string): ParsedFamily[];
}
