import { useMemo } from 'preact/hooks';
import { useProgress } from '@/components/hooks/useProgress';
import type { BatchView, JobView } from '@/utils/messaging/protocol';

export interface BatchesState {
  /** False until the first snapshot arrived: until then "no batch" means "not known yet". */
  loaded: boolean;
  batches: BatchView[];
  jobs: JobView[];
}

/** Some batches across accounts, followed through the progress port (see useProgress). */
export function useBatches(batchIds: string[]): BatchesState {
  const { snapshot, loaded } = useProgress(true);
  // The ids as one string, so a new array with the same ids keeps the memo.
  const key = batchIds.join('\n');
  return useMemo(() => {
    const wanted = new Set(key.split('\n'));
    return {
      loaded,
      batches: snapshot.batches.filter((b) => wanted.has(b.batchId)),
      jobs: snapshot.jobs.filter((j) => wanted.has(j.batchId)),
    };
  }, [snapshot, loaded, key]);
}
