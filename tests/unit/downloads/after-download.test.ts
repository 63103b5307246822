/** The pipeline tells capture of a URL only once downloads.download() has taken it (issue 16 §1). */
import { beforeEach, describe, expect, it } from 'vitest';
import type { DownloadJob } from '@/utils/downloads/types';
import { FakeDownloads, failStart } from '../fakes/downloads';
import { createRig, freshIndexedDb, reports } from './harness';

beforeEach(() => freshIndexedDb());

describe('after download', () => {
  it('hears each job’s URL after download() was called with it, once per job, and never for a refused start', async () => {
    const fake = new FakeDownloads();
    const heard: Array<{ jobId: string; url: string; downloadCalled: boolean }> = [];
    const rig = createRig({
      fake,
      afterDownload: (job: DownloadJob, url: string) =>
        heard.push({ jobId: job.id, url, downloadCalled: fake.calls.some((call) => call.url === url) }),
    });
    fake.scriptCalls(failStart('Download refused'));
    await rig.pipeline.enqueue('acc', reports(3), { accountLabel: 'Shop' });
    await rig.runAll();
    // The refused start gets a fresh URL: three jobs, three URLs that started, the refused one never heard.
    expect(fake.calls).toHaveLength(4);
    expect(heard).toHaveLength(3);
    expect(heard.every((h) => h.downloadCalled)).toBe(true);
    expect(new Set(heard.map((h) => h.jobId)).size).toBe(3);
    expect(heard.map((h) => h.url)).not.toContain(fake.calls[0]!.url);
  });
});
