import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  browserAlarms,
  browserDownloads,
  type AlarmsApi,
  type DownloadItem,
  type DownloadsApi,
} from '@/utils/browser-api';
import { alarmSchedule, WAKE_ALARM } from '@/utils/downloads/wake';

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
  fakeBrowser.reset();
});

describe('browserDownloads', () => {
  it('passes calls through to browser.downloads', async () => {
    // fakeBrowser does not implement downloads; viewed through our seam's shape, its stubs take typed mocks.
    const downloads = browser.downloads as unknown as DownloadsApi;
    const item = { id: 42 } as DownloadItem;
    const download = vi.spyOn(downloads, 'download').mockResolvedValue(42);
    const search = vi.spyOn(downloads, 'search').mockResolvedValue([item]);
    const api = browserDownloads();
    const options = {
      url: 'https://tortuga.s3.example/x',
      filename: 'AmazonPay/a/b.csv',
      conflictAction: 'uniquify' as const,
    };
    expect(await api.download(options)).toBe(42);
    expect(download).toHaveBeenCalledWith(options);
    expect(await api.search({ id: 42 })).toEqual([item]);
    expect(search).toHaveBeenCalledWith({ id: 42 });
  });
});

describe('alarmSchedule', () => {
  it('sets a timer for the living worker and an alarm that outlives it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'], now: 1_000 });
    const alarms: AlarmsApi = {
      create: vi.fn(),
      clear: vi.fn(),
      onAlarm: { addListener: vi.fn(), removeListener: vi.fn() },
    };
    const wake = vi.fn();
    alarmSchedule(alarms, 'resume-downloads')(6_000, wake);
    expect(alarms.create).toHaveBeenCalledWith('resume-downloads', { when: 6_000 });
    vi.advanceTimersByTime(4_999);
    expect(wake).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(wake).toHaveBeenCalledOnce();
  });

  it('creates real alarms through the seam', async () => {
    alarmSchedule(browserAlarms())(Date.now() + 60_000, () => undefined);
    await vi.waitFor(async () => expect(await browser.alarms.get(WAKE_ALARM)).toMatchObject({ name: WAKE_ALARM }));
  });
});
