import { promisifyRequest } from 'idb-keyval';
import { vi } from 'vitest';
import type { JobsDb } from '@/utils/downloads/jobs-store';
import { emptyCounts, type DownloadBatch, type DownloadJob } from '@/utils/downloads/types';

/** Records how many records each IndexedDB read request returned (a cursor counts one per step). */
export function countStoreReads(): { reads: number[]; total(): number; reset(): void } {
  const reads: number[] = [];
  const methods = ['get', 'getAll', 'getAllKeys', 'openCursor', 'openKeyCursor'] as const;
  for (const proto of [IDBObjectStore.prototype, IDBIndex.prototype]) {
    for (const method of methods) {
      const original = proto[method] as (...args: unknown[]) => IDBRequest;
      vi.spyOn(proto, method).mockImplementation(function (this: unknown, ...args: unknown[]) {
        const request = original.apply(this, args);
        request.addEventListener('success', () => {
          const result: unknown = request.result;
          reads.push(Array.isArray(result) ? result.length : result === undefined || result === null ? 0 : 1);
        });
        return request;
      } as never);
    }
  }
  return { reads, total: () => reads.reduce((a, b) => a + b, 0), reset: () => void reads.splice(0) };
}

/** Writes `batches` finished batches of `perBatch` done jobs each, as a long-used queue would hold them. */
export async function seedFinished(db: JobsDb, batches: number, perBatch: number, at: number): Promise<void> {
  await db('readwrite', (store) => {
    for (let b = 0; b < batches; b++) {
      const batchId = `old-batch-${b}`;
      const updatedAt = at - (batches - b) * 60_000;
      const batch: DownloadBatch = {
        id: batchId,
        accountId: 'acct-old',
        createdAt: updatedAt,
        updatedAt,
        total: perBatch,
        counts: { ...emptyCounts(), done: perBatch },
        paused: false,
      };
      store.put(batch, ['batch', batchId]);
      for (let j = 0; j < perBatch; j++) {
        const id = `old-${b}-${j}`;
        const job: DownloadJob = {
          id,
          accountId: 'acct-old',
          reportId: `OLD${b}-${j}`,
          reportDocumentId: `doc-${id}`,
          reportType: 'X',
          startTime: '2026-01-01T00:00:00.000Z',
          endTime: '2026-01-02T00:00:00.000Z',
          accountLabel: 'Old',
          batchId,
          position: j,
          state: 'done',
          attempts: 1,
          nextAttemptAt: updatedAt,
          filename: `AmazonPay/Old/X/${id}.csv`,
          finalPath: `/downloads/AmazonPay/Old/X/${id}.csv`,
          bytes: 10,
          totalBytes: 10,
          createdAt: updatedAt,
          updatedAt: updatedAt - j,
        };
        store.put(job, ['job', id]);
      }
    }
    return promisifyRequest(store.transaction);
  });
}
