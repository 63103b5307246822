/**
 * The books in Chromium: `books.datev_month_100k_rows_ms` (a busy EU month, 100 000 settlement rows, booked and
 * written as DATEV bytes; target ≤ 2 000 ms) and `books.match_1000_lines_ms` (1 000 bank lines against a year of
 * daily payouts, candidates and matching; target ≤ 200 ms). The books code is bundled with esbuild and run in a
 * plain Chromium page; each sample is timed around the call, after one warm-up run.
 */
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { measured, type Metric } from '../lib/metric';

const ENTRY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../browser/books.ts');
const DATEV_RUNS = 5;
const MATCH_RUNS = 15;

interface BooksBench {
  datevMonthMs(rows: number, runs: number): number[];
  matchMs(runs: number): number[];
}

export async function booksMetrics(): Promise<Metric[]> {
  const bundle = await build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'iife',
    globalName: 'booksBench',
    platform: 'browser',
    target: 'es2022',
    write: false,
  });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true });
  try {
    const page = await browser.newPage();
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
    const datev = await page.evaluate(
      (runs) => (globalThis as unknown as { booksBench: BooksBench }).booksBench.datevMonthMs(100_000, runs),
      DATEV_RUNS,
    );
    const match = await page.evaluate(
      (runs) => (globalThis as unknown as { booksBench: BooksBench }).booksBench.matchMs(runs),
      MATCH_RUNS,
    );
    return [
      measured('books.datev_month_100k_rows_ms', 'ms', datev, 1),
      measured('books.match_1000_lines_ms', 'ms', match, 1),
    ];
  } finally {
    await browser.close();
  }
}
