import { useEffect, useState } from 'preact/hooks';
import { useRequest } from '@/components/hooks/useRequest';
import { sendMessage } from '@/utils/messaging/client';
import type { BulkPreview } from '@/utils/messaging/protocol';
import { batchesWithFailures, bulkRunItem, liveCount, startBatches, summarize, type BulkRun } from '@/utils/bulk/run';
import { useBatches } from './useBatches';

/** The stored run (if any), its live state, and what the run's buttons do to every batch in it. */
export function useBulkRun() {
  const [run, setRun] = useState<BulkRun | null>();
  const { error, fail, clear } = useRequest();
  const { loaded, batches, jobs } = useBatches(run?.batchIds ?? []);

  useEffect(() => {
    void bulkRunItem.getValue().then(setRun);
    return bulkRunItem.watch(setRun);
  }, []);

  const each = (ids: string[], send: (batchId: string) => Promise<unknown>) => {
    clear();
    Promise.all(ids.map(send)).catch(fail);
  };
  const working = batches.filter((b) => liveCount(b) > 0);

  const start = async (preview: BulkPreview): Promise<{ queued: number; skipped: number }> => {
    clear();
    const started = await startBatches(preview, (accountId, reportIds) =>
      sendMessage('downloadReports', { accountId, reportIds, force: false }),
    );
    if (started.batchIds.length > 0) {
      await bulkRunItem.setValue({
        batchIds: started.batchIds,
        startedAt: new Date().toISOString(),
        skipped: started.skipped,
      });
    }
    if (started.failure) throw started.failure;
    return started;
  };

  return {
    run,
    loaded,
    batches,
    jobs,
    progress: summarize(batches),
    error,
    start,
    pause: () =>
      each(
        working.map((b) => b.batchId),
        (batchId) => sendMessage('pauseBatch', { batchId }),
      ),
    resume: () =>
      each(
        batches.filter((b) => b.paused).map((b) => b.batchId),
        (batchId) => sendMessage('resumeBatch', { batchId }),
      ),
    cancel: () =>
      each(
        working.map((b) => b.batchId),
        (batchId) => sendMessage('cancelDownloads', { batchId }),
      ),
    retryFailed: () => each(batchesWithFailures(batches), (batchId) => sendMessage('retryFailed', { batchId })),
    clear: () => void bulkRunItem.setValue(null),
  };
}
