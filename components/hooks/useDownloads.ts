import { useMemo } from 'preact/hooks';
import type { BatchView, JobView } from '@/utils/messaging/protocol';
import { useProgress } from './useProgress';

export interface DownloadsState {
  /** The newest job per report of this account. */
  jobsByReport: Map<string, JobView>;
  batches: Map<string, BatchView>;
}

/** One account's jobs and the batches, followed through the progress port (see useProgress). */
export function useDownloads(accountId: string | undefined, { snapshot: wantSnapshot = true } = {}): DownloadsState {
  const { snapshot } = useProgress(wantSnapshot);
  return useMemo(() => {
    const jobsByReport = new Map<string, JobView>();
    for (const job of snapshot.jobs) if (job.accountId === accountId) jobsByReport.set(job.reportId, job);
    return { jobsByReport, batches: new Map(snapshot.batches.map((b) => [b.batchId, b])) };
  }, [snapshot, accountId]);
}
