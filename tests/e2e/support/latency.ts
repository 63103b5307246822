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
