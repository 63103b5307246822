/**
 * The ledger's parser in real Chromium, inside the built extension's own origin:
 * - ledger.parse_mb_per_s: our parser on a 25 000-row settlement, side by side with Papa Parse 5.7.1 on the same
 *   bytes (both decode UTF-8; Papa Parse returns strings, ours checked rows in minor units);
 * - ledger.import_25k_rows_ms: parse + store + index that file into a fresh ledger database.
 * Search is bench/metrics/ledger-search.ts, the Settlements list bench/metrics/settlements.ts.
 */
import type { Page } from 'playwright-core';
import type { LedgerBench } from '../lib/ledger-page';
import { withLedgerPage } from '../lib/ledger-session';
import { compare, measured, type Metric } from '../lib/metric';

const PARSE_ROWS = 25_000;
const PARSE_ROUNDS = 15;
const IMPORTS = 5;

declare const ledgerBench: LedgerBench;

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

export function ledgerMetrics(): Promise<Metric[]> {
  return withLedgerPage(parseMetrics);
}
