import { describe, expect, it } from 'vitest';
import { batchesWithFailures, groupFailures, startBatches, summarize } from '@/utils/bulk/run';
import { batch, job } from '../components/options/fixtures';

describe('a bulk run across batches', () => {
  it('adds the batches up into one figure', () => {
    const progress = summarize([
      batch({ batchId: 'a', total: 10, counts: { done: 6, failed: 1, downloading: 2, queued: 1 } }),
      batch({ batchId: 'b', total: 5, counts: { done: 4, cancelled: 1 } }),
    ]);
    expect(progress).toEqual({
      total: 15,
      done: 10,
      failed: 1,
      cancelled: 1,
      live: 3,
      paused: false,
      stoppedReason: undefined,
    });
  });

  it('is paused only when every batch with work left is paused', () => {
    const finished = batch({ batchId: 'done', total: 2, counts: { done: 2 } });
    const paused = batch({ batchId: 'p', total: 3, paused: true, counts: { queued: 3 } });
    expect(summarize([finished, paused]).paused).toBe(true);
    expect(summarize([paused, batch({ batchId: 'r', total: 1, counts: { queued: 1 } })]).paused).toBe(false);
    expect(summarize([finished]).paused).toBe(false);
  });

  it('passes on why the background stopped a batch', () => {
    expect(summarize([batch({ stoppedReason: 'The disk is full.' })]).stoppedReason).toBe('The disk is full.');
  });

  it('groups failures by their reason, the most frequent first', () => {
    const groups = groupFailures(
      [
        job({
          jobId: '1',
          reportId: 'R1',
          state: 'failed',
          error: { code: 'amazon-error', userMessage: 'Link expired' },
        }),
        job({
          jobId: '2',
          reportId: 'R2',
          state: 'failed',
          error: { code: 'invalid-request', userMessage: 'Amazon is busy' },
        }),
        job({
          jobId: '3',
          reportId: 'R3',
          state: 'failed',
          error: { code: 'invalid-request', userMessage: 'Amazon is busy' },
        }),
        job({ jobId: '4', reportId: 'R4', state: 'failed' }),
        job({ jobId: '5', reportId: 'R5', state: 'done' }),
      ],
      'Unknown',
    );
    expect(groups).toEqual([
      { reason: 'Amazon is busy', reportIds: ['R2', 'R3'] },
      { reason: 'Link expired', reportIds: ['R1'] },
      { reason: 'Unknown', reportIds: ['R4'] },
    ]);
  });

  it('retries only batches that have failures', () => {
    expect(
      batchesWithFailures([
        batch({ batchId: 'a', counts: { failed: 2 } }),
        batch({ batchId: 'b', counts: { done: 1 } }),
      ]),
    ).toEqual(['a']);
  });

  it('starts one batch per account with reports, and keeps those that started when another fails', async () => {
    const asked: string[] = [];
    const refused = new Error('no key');
    const started = await startBatches(
      {
        perAccount: [
          { accountId: 'a', matching: 2, archived: 0, reportIds: ['R1', 'R2'] },
          { accountId: 'empty', matching: 0, archived: 0, reportIds: [] },
          { accountId: 'b', matching: 1, archived: 1, reportIds: ['R3'] },
          { accountId: 'c', matching: 1, archived: 0, reportIds: ['R4'] },
        ],
      },
      async (accountId, reportIds) => {
        asked.push(`${accountId}:${reportIds.join('+')}`);
        if (accountId === 'c') throw refused;
        return accountId === 'a' ? { batchId: 'batch-a', queued: 2, skipped: 0 } : { queued: 0, skipped: 1 };
      },
    );
    expect(asked).toEqual(['a:R1+R2', 'b:R3', 'c:R4']);
    expect(started).toEqual({ batchIds: ['batch-a'], queued: 2, skipped: 1, failure: refused });
  });
});
