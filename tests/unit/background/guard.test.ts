/** Background work nobody awaits reports its failure and ends there (issue 13 §4). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { guarded } from '@/utils/background/guard';
import { createByteSampler, SAMPLE_EVERY_MS } from '@/utils/background/live-bytes';
import { KeyMissingError } from '@/utils/amazon-pay/errors';
import { FakeDownloads } from '../fakes/downloads';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('guarded background work', () => {
  it('reports a failure with its code and message, and settles', async () => {
    const report = vi.fn();
    await expect(
      guarded(
        'auto-archive',
        async () => {
          throw KeyMissingError.forAccount('acc-1');
        },
        report,
      ),
    ).resolves.toBeUndefined();
    expect(report).toHaveBeenCalledWith('auto-archive', expect.any(KeyMissingError));
  });

  it('writes the code and message to the console by default, and nothing when the work succeeds', async () => {
    const console = vi.spyOn(globalThis.console, 'error').mockImplementation(() => undefined);
    await guarded('resuming downloads', async () => 'fine');
    expect(console).not.toHaveBeenCalled();
    await guarded('resuming downloads', async () => {
      throw KeyMissingError.forAccount('acc-1');
    });
    expect(console).toHaveBeenCalledWith(
      'Report Courier: resuming downloads failed (key-missing): No private key stored for account acc-1',
    );
  });

  it('keeps the byte sampler alive after a failed sample: reported, and the next poke samples again', async () => {
    vi.useFakeTimers();
    const console = vi.spyOn(globalThis.console, 'error').mockImplementation(() => undefined);
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    const downloadingJobs = vi.fn().mockRejectedValueOnce(new Error('storage gone')).mockResolvedValue([]);
    const sampler = createByteSampler({
      downloads: new FakeDownloads(),
      downloadingJobs,
      watched: () => true,
      send: vi.fn(),
    });
    sampler.poke();
    await vi.advanceTimersByTimeAsync(SAMPLE_EVERY_MS);
    expect(console).toHaveBeenCalledWith(expect.stringContaining('sampling download progress failed'));
    sampler.poke();
    await vi.advanceTimersByTimeAsync(SAMPLE_EVERY_MS);
    expect(downloadingJobs).toHaveBeenCalledTimes(2);
    process.off('unhandledRejection', unhandled);
    expect(unhandled).not.toHaveBeenCalled();
  });
});
