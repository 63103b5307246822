/** Auto-archive's periodic alarm goes through the browser-api seam, like the download engine's wake-up alarm. */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { saveAccount } from '@/utils/accounts/store';
import { autoArchiveHandlers } from '@/utils/background/handlers/auto-archive';
import type { Services } from '@/utils/background/services';
import type { AlarmsApi } from '@/utils/browser-api';
import { liveAccount } from '../client/emulator-setup';
import { freshIndexedDb } from '../downloads/harness';

function recordingAlarms() {
  const calls: Array<[string, string, unknown?]> = [];
  const alarms: AlarmsApi = {
    create: (name, info) => void calls.push(['create', name, info]),
    clear: async (name) => (calls.push(['clear', name]), true),
    onAlarm: { addListener: () => undefined, removeListener: () => undefined },
  };
  return { alarms, calls };
}

beforeEach(async () => {
  fakeBrowser.reset();
  freshIndexedDb();
  await saveAccount(liveAccount);
});

describe('the auto-archive alarm', () => {
  it('is set through the seam with the chosen interval, and only cleared when auto-archive is off', async () => {
    const { alarms, calls } = recordingAlarms();
    const services = {
      alarms,
      account: async () => liveAccount,
      archive: { archivedIds: async () => new Set<string>() },
    } as unknown as Services;
    const handlers = autoArchiveHandlers(services);
    const settings = { enabled: true, reportTypes: [], intervalHours: 6 };
    const before = Date.now();

    const on = await handlers.setAutoArchive({ accountId: liveAccount.id, settings }, {
      kind: 'extension-page',
    } as never);
    const name = `auto-archive:${liveAccount.id}`;
    expect(calls).toEqual([
      ['clear', name],
      ['create', name, { when: expect.any(Number), periodInMinutes: 360 }],
    ]);
    const when = (calls[1]![2] as { when: number }).when;
    expect(when).toBeGreaterThanOrEqual(before + 360 * 60_000);
    expect(on.nextRun).toBe(new Date(when).toISOString());

    calls.length = 0;
    const off = await handlers.setAutoArchive(
      { accountId: liveAccount.id, settings: { ...settings, enabled: false } },
      {
        kind: 'extension-page',
      } as never,
    );
    expect(calls).toEqual([['clear', name]]);
    expect(off.nextRun).toBeUndefined();
  });
});
