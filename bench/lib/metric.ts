/** One benchmark result, the shape printed as a JSON line and stored in bench-results.json. */
export interface Metric {
  metric: string;
  /** Ours: median of the samples. */
  value: number;
  unit: string;
  /** The reference implementation's median, measured in the same run (only where there is one). */
  baseline?: number;
  /** value / baseline; below 1 means ours is faster. */
  ratio?: number;
  /** Ours: fastest and slowest sample. */
  min: number;
  max: number;
  /** What the figure should meet, e.g. "≤ 100" (in its unit). */
  target?: string;
}

/** A metric module: measures something and returns one or more metrics. */
export type MetricSource = () => Promise<Metric[]>;

export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

/** Nearest-rank percentile (p in 0–100). */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

const round = (value: number, digits = 4) => Number(value.toFixed(digits));

/** Compares two sample sets of the same thing: ours against a baseline. */
export function compare(metric: string, unit: string, ours: readonly number[], baseline: readonly number[]): Metric {
  const value = median(ours);
  const base = median(baseline);
  return {
    metric,
    value: round(value),
    unit,
    baseline: round(base),
    ratio: round(value / base, 3),
    min: round(Math.min(...ours)),
    max: round(Math.max(...ours)),
  };
}

/** A figure with no baseline: the median of its samples (one sample per run), with their min and max. */
export function measured(metric: string, unit: string, samples: readonly number[], digits = 3): Metric {
  return {
    metric,
    value: round(median(samples), digits),
    unit,
    min: round(Math.min(...samples), digits),
    max: round(Math.max(...samples), digits),
  };
}
