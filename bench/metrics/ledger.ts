/**
 * The ledger in real Chromium, inside the built extension's own origin:
 * - ledger.parse_mb_per_s: our parser on a 25 000-row settlement, side by side with Papa Parse 5.7.1 on the same
 *   bytes (both decode UTF-8; Papa Parse returns strings, ours checked rows in minor units);
 * - ledger.import_25k_rows_ms: parse + store + index that file into a fresh ledger database;
 * - ledger.search_p95_ms: ids, order references, prefixes and amounts over 1 000 000 stored rows;
 * - settlements.first_paint_ms: the options page's Settlements list with 365 settlements: its paint mark, set when
 *   the list first paints with settlements in it (25 in the first frame; the bench waits for all 365 to be there).
 */
import { build } from 'esbuild';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension, repoRoot } from '../../tests/e2e/harness';
import { ensureBuilt } from '../lib/build';
import type { LedgerBench } from '../lib/ledger-page';
import { compare, measured, median, percentile, type Metric } from '../lib/metric';

const PARSE_ROWS = 25_000;
const PARSE_ROUNDS = 15;
const IMPORTS = 5;
const SEARCH_ROWS_PER_FILE = 25_000;
/** 1 000 000 rows by default; LEDGER_SEARCH_ROWS lowers it on a machine too loaded to fill that in time. */
const SEARCH_FILES = Math.max(
  1,
  Math.round(Number(process.env.LEDGER_SEARCH_ROWS ?? 1_000_000) / SEARCH_ROWS_PER_FILE),
);
const LIST_SETTLEMENTS = 365;
const LIST_OPENS = 10;

declare const ledgerBench: LedgerBench;

async function pageScript(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(repoRoot, 'bench/lib/ledger-page.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

async function parseMetrics(page: Page): Promise<Metric[]> {
  const bytes = await page.evaluate((rows) => ledgerBench.makeFile(rows), PARSE_ROWS);
  const megabytes = bytes / 1_000_000;
  const ours: number[] = [];
  const papa: number[] = [];
  for (let round = 0; round < PARSE_ROUNDS + 3; round++) {
    // Alternating order, so drift (GC, JIT, CPU boost) hits both alike; the first rounds warm up.
    const order = round % 2 ? (['papa', 'ours'] as const) : (['ours', 'papa'] as const);
    for (const which of order) {
      const ms = await page.evaluate((w) => (w === 'ours' ? ledgerBench.parseOurs() : ledgerBench.parsePapa()), which);
      if (round >= 3) (which === 'ours' ? ours : papa).push(megabytes / (ms / 1000));
    }
  }
  const imports: number[] = [];
  for (let i = 0; i < IMPORTS; i++)
    imports.push(await page.evaluate(() => ledgerBench.importOnce('ledger-bench-import')));
  return [
    { ...compare('ledger.parse_mb_per_s', 'MB/s', ours, papa), target: '≥ 30' },
    { ...measured('ledger.import_25k_rows_ms', 'ms', imports, 1), target: '≤ 1000' },
  ];
}

async function searchMetric(page: Page): Promise<Metric> {
  const filling = Date.now();
  const probes = await page.evaluate(([files, rows]) => ledgerBench.fill('ledger-bench-search', files, rows), [
    SEARCH_FILES,
    SEARCH_ROWS_PER_FILE,
  ] as const);
  console.error(`bench: ledger filled with ${SEARCH_FILES * SEARCH_ROWS_PER_FILE} rows in ${Date.now() - filling} ms`);
  // Ids as stored, lower-cased, and prefixes of them must all be found; amounts may match nothing.
  const mustFind = probes.flatMap((id, i) => [id, id.toLowerCase(), id.slice(0, 12 + (i % 6))]);
  const amounts = probes.map((_, i) => `${(i % 997) + 1}.${String(i % 100).padStart(2, '0')}`);
  const queries = [...mustFind, ...amounts];
  await page.evaluate((q) => ledgerBench.search('ledger-bench-search', q), queries.slice(0, 20));
  const { times, empty } = await page.evaluate((q) => ledgerBench.search('ledger-bench-search', q), queries);
  const missed = empty.filter((query) => mustFind.includes(query));
  if (missed.length > 0) throw new Error(`${missed.length} id searches found nothing, e.g. ${missed[0]}`);
  const p95 = percentile(times, 95);
  console.error(
    `bench: ledger search over ${SEARCH_FILES * SEARCH_ROWS_PER_FILE} rows, ${queries.length} queries ` +
      `(${amounts.length - empty.length} of ${amounts.length} amounts found), median ${median(times).toFixed(2)} ms`,
  );
  return { ...measured('ledger.search_p95_ms', 'ms', times, 2), value: Number(p95.toFixed(2)), target: '≤ 50' };
}

async function firstPaintMetric(open: (file: string) => Promise<Page>, page: Page): Promise<Metric> {
  await page.evaluate((count) => ledgerBench.fillList(count), LIST_SETTLEMENTS);
  const paint = async () => {
    const options = await open('options.html#settlements');
    await options
      .locator('table.ledger-list tbody tr')
      .nth(LIST_SETTLEMENTS - 1)
      .waitFor();
    const mark = await options.evaluate(
      () => performance.getEntriesByName('report-courier:settlements-painted')[0]?.startTime,
    );
    await options.close();
    if (mark === undefined) throw new Error('the options page set no report-courier:settlements-painted mark');
    return mark;
  };
  await paint();
  const times: number[] = [];
  for (let i = 0; i < LIST_OPENS; i++) times.push(await paint());
  return { ...measured('settlements.first_paint_ms', 'ms', times, 1), target: '≤ 100' };
}

export async function ledgerMetrics(): Promise<Metric[]> {
  ensureBuilt();
  const script = await pageScript();
  const session = await launchExtension({ port: 9 });
  try {
    const page = await session.openPage('manifest.json');
    await page.evaluate(script);
    const metrics = await parseMetrics(page);
    console.error(`bench: ${JSON.stringify(metrics)}`);
    metrics.push(await searchMetric(page));
    console.error(`bench: ${JSON.stringify(metrics.at(-1))}`);
    metrics.push(await firstPaintMetric((file) => session.openPage(file), page));
    return metrics;
  } finally {
    await session.close();
  }
}
