import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/utils/messaging/client';
import {
  PROGRESS_PORT,
  type BatchView,
  type DownloadsSnapshot,
  type JobView,
  type ProgressEvent,
} from '@/utils/messaging/protocol';

export interface DownloadsState {
  /** The newest job per report of this account. */
  jobsByReport: Map<string, JobView>;
  batches: Map<string, BatchView>;
}

/** Follows the background's jobs: a snapshot first, then every change pushed over the progress port. */
export function useDownloads(accountId: string | undefined, { snapshot: wantSnapshot = true } = {}): DownloadsState {
  const [snapshot, setSnapshot] = useState<DownloadsSnapshot>({ jobs: [], batches: [] });

  useEffect(() => {
    let live = true;
    if (wantSnapshot)
      void sendMessage('getDownloads', {})
        .then((s) => {
          if (live) setSnapshot(s);
        })
        .catch(() => undefined);
    const port = browser.runtime.connect({ name: PROGRESS_PORT });
    port.onMessage.addListener((message: unknown) =>
      setSnapshot((current) => applyEvent(current, message as ProgressEvent)),
    );
    return () => {
      live = false;
      // Throws once the extension is gone (updated or removed): nothing left to disconnect from.
      try {
        port.disconnect();
      } catch {
        /* already gone */
      }
    };
  }, [accountId, wantSnapshot]);

  return useMemo(() => {
    const jobsByReport = new Map<string, JobView>();
    for (const job of snapshot.jobs) if (job.accountId === accountId) jobsByReport.set(job.reportId, job);
    return { jobsByReport, batches: new Map(snapshot.batches.map((b) => [b.batchId, b])) };
  }, [snapshot, accountId]);
}

export function applyEvent(snapshot: DownloadsSnapshot, event: ProgressEvent): DownloadsSnapshot {
  if (event.type === 'job') {
    const others = snapshot.jobs.filter((j) => j.jobId !== event.job.jobId);
    return { ...snapshot, jobs: [...others, event.job] };
  }
  const others = snapshot.batches.filter((b) => b.batchId !== event.batch.batchId);
  return { ...snapshot, batches: [...others, event.batch] };
}
