/**
 * Runs every benchmark metric module, prints one JSON line per metric and a table, and writes all metrics
 * to bench-results.json at the repository root. Add a metric by adding its module to SOURCES.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Metric, MetricSource } from './lib/metric';
import { booksMetrics } from './metrics/books';
import { downloadMetrics } from './metrics/download';
import { ledgerMetrics } from './metrics/ledger';
import { ledgerSearchMetrics } from './metrics/ledger-search';
import { listMetrics } from './metrics/list';
import { popupMetrics } from './metrics/popup';
import { settlementsMetrics } from './metrics/settlements';
import { signMetrics } from './metrics/sign';
import { sizeMetrics } from './metrics/size';

const SOURCES: readonly MetricSource[] = [
  signMetrics,
  sizeMetrics,
  popupMetrics,
  listMetrics,
  downloadMetrics,
  booksMetrics,
  ledgerMetrics,
  ledgerSearchMetrics,
  settlementsMetrics,
];

function table(metrics: readonly Metric[]): string {
  const header = ['metric', 'ours', 'baseline', 'ratio', 'min', 'max', 'unit', 'target'];
  const rows = metrics.map((m) =>
    [m.metric, m.value, m.baseline ?? '', m.ratio ?? '', m.min, m.max, m.unit, m.target ?? ''].map(String),
  );
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** `BENCH_ONLY=download,list` runs only those modules (by the name before `Metrics`). */
const only = process.env.BENCH_ONLY?.split(',').map((name) => `${name.trim()}Metrics`);
const load = () =>
  `${os.cpus().length} cores, load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`;
console.error(`bench: ${load()}`);
const metrics: Metric[] = [];
for (const source of SOURCES.filter((s) => !only || only.includes(s.name))) {
  for (const metric of await source()) {
    console.log(JSON.stringify(metric));
    metrics.push(metric);
  }
}
console.log(`\n${table(metrics)}\n(ratio = ours / baseline; below 1 means ours is faster)`);
console.error(`bench: ${load()}`);
const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'bench-results.json');
writeFileSync(out, `${JSON.stringify(metrics, null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), out) || out}`);
