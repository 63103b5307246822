import type { BrowserContext } from 'playwright-core';
import { expect } from 'vitest';
import type { RunningEmulator } from '../../emulator/index';

interface UrlRecord {
  issuedAt: number;
  downloads: Array<{ requestedAt: number; status: number; completed: boolean }>;
}

export interface UrlUse {
  /** Milliseconds from each URL being issued to its first download request. */
  latencies: number[];
  /** URLs never requested from the document host. */
  unused: number;
  /** URLs whose download the document host refused (expired by then, or a bad signature). */
  refused: number;
}

/** How the documents' URLs were used, from the emulator's stats: how fast, and how many went to waste. */
export function urlToDownloadLatencies(emulator: RunningEmulator, documentIds: string[]): UrlUse {
  const stats = emulator.admin.stats() as { documents: Record<string, { urls: UrlRecord[] }> };
  const use: UrlUse = { latencies: [], unused: 0, refused: 0 };
  for (const id of documentIds) {
    for (const url of stats.documents[id]?.urls ?? []) {
      const first = url.downloads[0];
      if (first) use.latencies.push(first.requestedAt - url.issuedAt);
      else use.unused += 1;
      if (url.downloads.some((download) => download.status >= 400)) use.refused += 1;
    }
  }
  return use;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/**
 * The browser's own URL → download time under the machine's present load, taken inside the extension's service
 * worker (the same thread and event queue the product's downloads wait in): every `spacingMs` until `stop()`, the
 * worker asks the emulator for a fresh document URL over HTTPS, as it asks Amazon, and hands it straight to
 * downloads.download with no product code in between. Measured by the emulator like the product's (issue → first
 * download request) and all through the product's own work, so a busy moment slows both alike.
 * `documentIds`: documents nothing else downloads (each probe adds one URL to one of them, in turn).
 */
export function bareHandOvers(
  context: BrowserContext,
  emulator: RunningEmulator,
  documentIds: string[],
  o: { apiOrigin?: string; spacingMs?: number } = {},
): { stop(): Promise<number[]> } {
  const origin = o.apiOrigin ?? 'https://pay-api.amazon.com';
  let running = true;
  let probes = 0;
  const loop = (async () => {
    while (running) {
      const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
      if (worker) {
        const id = documentIds[probes % documentIds.length]!;
        probes += 1;
        await worker.evaluate(
          ([api, documentId, n]) => {
            void fetch(`${api}/__emulator/documents/${encodeURIComponent(documentId)}/url`, { method: 'POST' })
              .then((answer) => answer.json() as Promise<{ url: string }>)
              .then(({ url }) =>
                (globalThis as any).chrome.downloads.download({ url, filename: `baseline/bare-${n}.csv` }),
              );
          },
          [origin, id, probes] as const,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, o.spacingMs ?? 200));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await expect
        .poll(() => urlToDownloadLatencies(emulator, documentIds).latencies.length, { timeout: 60_000 })
        .toBe(probes);
      expect(probes).toBeGreaterThan(0);
      return urlToDownloadLatencies(emulator, documentIds).latencies;
    },
  };
}

/**
 * The product's allowance for URL → download: 1 s beyond the slowest bare hand-over measured in the same worker in
 * the same run. On a quiet machine the browser alone takes some tens of ms, so this is the 1 s it always was; on a
 * busy one the worker's queue delays both alike, and the product still gets only 1 s of its own. Anything it waited
 * for between URL and download (a write, a request, a timer, the next pump) shows against the bare hand-over.
 */
export function urlToDownloadAllowance(bare: number[]): number {
  return 1000 + Math.max(...bare);
}
