import type { RunningEmulator } from '../../emulator/index';

interface UrlRecord { issuedAt: number; downloads: Array<{ requestedAt: number; completed: boolean }> }

/** Milliseconds from each document URL being issued to its download request arriving, from the emulator's stats. */
export function urlToDownloadLatencies(emulator: RunningEmulator, documentIds: string[]): { latencies: number[]; expiredOrUnused: number } {
  const stats = emulator.admin.stats() as { documents: Record<string, { urls: UrlRecord[] }> };
  const latencies: number[] = [];
  let expiredOrUnused = 0;
  for (const id of documentIds) {
    for (const url of stats.documents[id]?.urls ?? []) {
      const first = url.downloads[0];
      if (first) latencies.push(first.requestedAt - url.issuedAt);
      else expiredOrUnused += 1;
    }
  }
  return { latencies, expiredOrUnused };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
