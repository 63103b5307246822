/**
 * A 500-report bulk in Chromium against the emulator (document latency 50 ms, rate limit 20 requests/s, burst 20),
 * with capture at download on (the account's document origin granted), so the settlements are read beside it:
 * how long after the emulator issued each document URL its download request arrived, how many URLs went unused or
 * expired, the wall time against the rate limit's lower bound, and the service worker's heap from start to end.
 */
import { startBulk, waitForBatch } from '../../tests/e2e/support/driver';
import { workerControl } from '../../tests/e2e/support/worker';
import type { RunningEmulator } from '../../tests/emulator/index';
import { measured, percentile, type Metric } from '../lib/metric';
import { ensureBuilt } from '../lib/build';
import { withBenchStack } from '../lib/stack';
import { profileGranting } from '../../tests/e2e/support/granted-profile';
import { DOCUMENT_HOSTS } from '../../tests/emulator/presign';

const REPORTS = 500;
const RUNS = Number(process.env.BENCH_BULK_RUNS ?? 2);
const RATE = 20;
const FAULTS = { latencyMs: { document: 50 }, rateLimit: { requestsPerSecond: RATE, burst: RATE } };
const MB = 1024 * 1024;

interface BulkRun {
  latencies: number[];
  expired: number;
  wallMs: number;
  heapStart: number;
  heapEnd: number;
}

/** URLs with no download, or whose download was refused (expired), count as expired: the user lost that URL. */
function urlOutcomes(emulator: RunningEmulator, documentIds: string[]): { latencies: number[]; expired: number } {
  const documents = emulator.admin.stats().documents;
  const latencies: number[] = [];
  let expired = 0;
  for (const id of documentIds) {
    for (const url of documents[id]?.urls ?? []) {
      const first = url.downloads[0];
      if (first) latencies.push(first.requestedAt - url.issuedAt);
      if (!first || first.status !== 200) expired += 1;
    }
  }
  return { latencies, expired };
}

async function allServed(emulator: RunningEmulator, documentIds: string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const served = () => {
    const documents = emulator.admin.stats().documents;
    return documentIds.every((id) => documents[id]?.urls.some((u) => u.downloads.some((d) => d.completed)));
  };
  while (!served()) {
    if (Date.now() > deadline) throw new Error('the bulk did not finish in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function bulkRun(run: number): Promise<BulkRun> {
  ensureBuilt();
  const capture = { userDataDir: profileGranting([`https://${DOCUMENT_HOSTS.eu.host}`]) };
  return withBenchStack(
    { extraReports: REPORTS },
    `Bench Bulk ${run}`,
    async ({ stack, driver, reports }) => {
      const chosen = reports.slice(0, REPORTS);
      if (chosen.length < REPORTS) throw new Error(`only ${chosen.length} completed reports`);
      const worker = await workerControl(stack.browser);
      const heapStart = await worker.heapUsed();
      stack.emulator.admin.setFaults(FAULTS);
      const started = performance.now();
      const batchId = await startBulk(driver, chosen);
      // Watched from the emulator's side first: polling the extension all along would load the worker being measured.
      await allServed(
        stack.emulator,
        chosen.map((r) => r.reportDocumentId!),
        600_000,
      );
      const final = await waitForBatch(driver.send, batchId, 60_000, 50);
      const wallMs = performance.now() - started;
      if (final.batch.counts.done !== REPORTS) throw new Error(`bulk ended with ${JSON.stringify(final.batch.counts)}`);
      const heapEnd = await worker.heapUsed();
      return {
        ...urlOutcomes(
          stack.emulator,
          chosen.map((r) => r.reportDocumentId!),
        ),
        wallMs,
        heapStart,
        heapEnd,
      };
    },
    capture,
  );
}

export async function downloadMetrics(): Promise<Metric[]> {
  const runs: BulkRun[] = [];
  for (let run = 1; run <= RUNS; run++) runs.push(await bulkRun(run));
  const boundMs = (REPORTS / RATE) * 1000;
  const per = (pick: (r: BulkRun) => number) => runs.map(pick);
  const latency = (p: number) => per((r) => percentile(r.latencies, p));
  return [
    measured('download.url_to_start_ms.p50', 'ms', latency(50), 1),
    measured('download.url_to_start_ms.p95', 'ms', latency(95), 1),
    measured('download.url_to_start_ms.p99', 'ms', latency(99), 1),
    measured(
      'download.url_to_start_ms.max',
      'ms',
      per((r) => Math.max(...r.latencies)),
      1,
    ),
    measured(
      'download.expired_urls',
      'urls',
      per((r) => r.expired),
      0,
    ),
    measured(
      'bulk.wall_over_bound',
      'ratio',
      per((r) => r.wallMs / boundMs),
    ),
    measured(
      'bulk.wall_ms',
      'ms',
      per((r) => r.wallMs),
      0,
    ),
    measured(
      'sw.memory_growth_mb',
      'MB',
      per((r) => (r.heapEnd - r.heapStart) / MB),
    ),
    measured(
      'sw.heap_start_mb',
      'MB',
      per((r) => r.heapStart / MB),
    ),
    measured(
      'sw.heap_end_mb',
      'MB',
      per((r) => r.heapEnd / MB),
    ),
  ];
}
