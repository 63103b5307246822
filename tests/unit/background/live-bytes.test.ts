import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createByteSampler, SAMPLE_EVERY_MS } from '@/utils/background/live-bytes';
import type { DownloadJob } from '@/utils/downloads/types';
import type { ProgressEvent } from '@/utils/messaging/protocol';
import { FakeDownloads, inProgress } from '../fakes/downloads';

function job(downloadId: number): DownloadJob {
  return {
    id: `j${downloadId}`,
    accountId: 'a',
    reportId: `r${downloadId}`,
    reportDocumentId: 'd',
    reportType: 't',
    startTime: '',
    endTime: '',
    accountLabel: 'A',
    batchId: 'b',
    position: 0,
    state: 'downloading',
    attempts: 1,
    nextAttemptAt: 0,
    downloadId,
    filename: 'AmazonPay/A/x.csv',
    createdAt: 0,
    updatedAt: 0,
  };
}

describe('live byte counts', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('pushes the bytes of running downloads while a view watches, and stops when none run', async () => {
    const downloads = new FakeDownloads({ defaultOutcome: inProgress() });
    const id = await downloads.download({ url: 'https://doc.example/a', filename: 'AmazonPay/A/x.csv' });
    const running = [job(id)];
    const sent: ProgressEvent[] = [];
    const sampler = createByteSampler({
      downloads,
      downloadingJobs: async () => running,
      watched: () => true,
      send: (e) => sent.push(e),
    });
    sampler.poke();
    await vi.advanceTimersByTimeAsync(SAMPLE_EVERY_MS);
    expect(sent.some((e) => e.type === 'job' && e.job.jobId === 'j' + id)).toBe(true);
    running.length = 0;
    const count = sent.length;
    await vi.advanceTimersByTimeAsync(SAMPLE_EVERY_MS * 4);
    expect(sent.length).toBe(count);
  });

  it('does not sample when no view is open', async () => {
    const downloads = new FakeDownloads();
    const search = vi.spyOn(downloads, 'search');
    const sampler = createByteSampler({
      downloads,
      downloadingJobs: async () => [job(1)],
      watched: () => false,
      send: vi.fn(),
    });
    sampler.poke();
    await vi.advanceTimersByTimeAsync(SAMPLE_EVERY_MS * 3);
    expect(search).not.toHaveBeenCalled();
  });
});
