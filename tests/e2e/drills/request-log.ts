import type { RequestLogEntry, RunningEmulator } from '../../emulator/index';

export interface RetryEvidence {
  /** Get Report Document requests for these documents, in all. */
  requests: number;
  /** Downloads the document host cut off or that ended early. */
  cutOff: number;
  /** Get Report Document requests per document, the most any one saw. */
  maxRequestsPerDocument: number;
  /** Document URLs issued per document, the most any one saw. */
  maxUrlsPerDocument: number;
  /** Milliseconds from a 429 answer to the next request for the same document. */
  gapsAfter429: number[];
  /** The most requests for one document within any one second. */
  maxPerDocumentPerSecond: number;
}

/** Reads, from the emulator's own log, how the client retried Get Report Document for these documents. */
export function retryEvidence(emulator: RunningEmulator, documentIds: readonly string[], since: number): RetryEvidence {
  const wanted = new Set(documentIds);
  const byDocument = new Map<string, RequestLogEntry[]>();
  for (const entry of emulator.admin.requests()) {
    if (entry.route !== 'getReportDocument' || entry.time < since) continue;
    const id = decodeURIComponent(entry.path.split('/').pop() ?? '');
    if (wanted.has(id)) byDocument.set(id, [...(byDocument.get(id) ?? []), entry]);
  }
  const evidence: RetryEvidence = {
    requests: 0,
    cutOff: 0,
    maxRequestsPerDocument: 0,
    maxUrlsPerDocument: 0,
    gapsAfter429: [],
    maxPerDocumentPerSecond: 0,
  };
  const stats = emulator.admin.stats().documents;
  for (const id of documentIds) {
    const entries = (byDocument.get(id) ?? []).sort((a, b) => a.time - b.time);
    const urls = stats[id]?.urls.filter((u) => u.issuedAt >= since) ?? [];
    evidence.requests += entries.length;
    evidence.cutOff += urls.flatMap((u) => u.downloads).filter((d) => d.status === 200 && !d.completed).length;
    evidence.maxRequestsPerDocument = Math.max(evidence.maxRequestsPerDocument, entries.length);
    evidence.maxUrlsPerDocument = Math.max(evidence.maxUrlsPerDocument, urls.length);
    entries.forEach((entry, i) => {
      const next = entries[i + 1];
      if (entry.status === 429 && next) evidence.gapsAfter429.push(next.time - entry.time);
      const inSecond = entries.filter((e) => e.time >= entry.time && e.time < entry.time + 1000).length;
      evidence.maxPerDocumentPerSecond = Math.max(evidence.maxPerDocumentPerSecond, inSecond);
    });
  }
  return evidence;
}
