import { browser } from 'wxt/browser';
import { ALARM_PREFIX, enabledAccounts } from '../archive/auto-archive';
import { followOnDemand, hasPendingOnDemand } from '../archive/on-demand';
import { WAKE_ALARM } from '../downloads/wake';
import { PROGRESS_PORT } from '../messaging/protocol';
import { classifySender } from '../messaging/senders';
import { accountHandlers } from './handlers/accounts';
import { autoArchiveHandlers } from './handlers/auto-archive';
import { bulkHandlers } from './handlers/bulk';
import { clockSkewHandlers } from './handlers/clock-skew';
import { disbursementHandlers } from './handlers/disbursements';
import { downloadHandlers } from './handlers/downloads';
import { historyHandlers } from './handlers/history';
import { ledgerHandlers } from './handlers/ledger';
import { panelProgress } from './handlers/panel';
import { onDemandHandlers } from './handlers/on-demand';
import { reportHandlers } from './handlers/reports';
import { scheduleHandlers } from './handlers/schedules';
import { guarded, reportBackgroundError } from './guard';
import { runAutoArchiveAndNotify } from './notify';
import { toSerialized } from '../messaging/client';
import { createRouter, type Handlers } from './router';
import { createServices, type Services } from './services';

/** Polls reports this browser created; an alarm too, so a killed worker resumes following them. */
const FOLLOW_ALARM = 'follow-on-demand';
const FOLLOW_EVERY_MS = 3_000;

function handlersFor(services: Services, startFollowing: () => void): Handlers {
  return {
    ping: async () => ({ version: browser.runtime.getManifest().version }),
    ...accountHandlers(services),
    ...reportHandlers(services),
    ...downloadHandlers(services),
    ...historyHandlers(services),
    ...bulkHandlers(services),
    ...clockSkewHandlers(services),
    ...onDemandHandlers(services, startFollowing),
    ...scheduleHandlers(services),
    ...autoArchiveHandlers(services),
    ...ledgerHandlers(services),
    ...disbursementHandlers(services),
  };
}

/**
 * Registers every listener synchronously, before any await, so the event that woke the worker is not missed;
 * the services they use are built once, on first need.
 */
export function wireBackground(): void {
  let services: Promise<Services> | undefined;
  const ready = () => (services ??= createServices());
  const extension = { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') };

  let following: ReturnType<typeof setTimeout> | undefined;
  const startFollowing = () => {
    void guarded('scheduling the report follow-up', () => browser.alarms.create(FOLLOW_ALARM, { periodInMinutes: 1 }));
    if (following) return;
    // A failed pass is reported and the loop goes on; should the loop itself fail, the alarm starts it again.
    const tick = () =>
      guarded('following requested reports', async () => {
        following = undefined;
        await guarded('a follow-up pass', async () => followOnDemand((await ready()).archive));
        if (await hasPendingOnDemand()) following = setTimeout(() => void tick(), FOLLOW_EVERY_MS);
        else await browser.alarms.clear(FOLLOW_ALARM);
      });
    following = setTimeout(() => void tick(), FOLLOW_EVERY_MS);
  };

  let router: ReturnType<typeof createRouter> | undefined;
  const route = async (message: unknown, sender: Parameters<ReturnType<typeof createRouter>>[1]) => {
    try {
      router ??= createRouter({ handlers: handlersFor(await ready(), startFollowing), extension });
      return await router(message, sender);
    } catch (error) {
      // The router answers handler errors itself; this is the worker failing to start its services.
      reportBackgroundError('answering a message', error);
      return { ok: false as const, error: toSerialized(error) };
    }
  };

  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse?: (reply: unknown) => void) => {
    if (typeof message !== 'object' || message === null || !('type' in message)) return undefined;
    const reply = route(message, sender);
    if (typeof sendResponse === 'function') {
      void reply.then(sendResponse);
      return true;
    }
    return reply;
  });

  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== PROGRESS_PORT) return;
    const caller = classifySender(port.sender ?? {}, extension);
    if (caller.kind === 'refused') return port.disconnect();
    void guarded('connecting a progress port', async () => {
      const s = await ready();
      s.bytes.poke();
      s.broadcaster.add(port, caller.kind === 'extension-page' ? undefined : panelProgress(s, caller.region));
    });
  });

  browser.downloads.onChanged.addListener((delta) => {
    void guarded('following a download', async () => (await ready()).pipeline.handleDownloadChanged(delta));
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === WAKE_ALARM) void guarded('resuming downloads', async () => (await ready()).pipeline.pump());
    else if (alarm.name === FOLLOW_ALARM) startFollowing();
    else if (alarm.name.startsWith(ALARM_PREFIX)) {
      void guarded('auto-archive', async () =>
        runAutoArchiveAndNotify(await ready(), alarm.name.slice(ALARM_PREFIX.length)),
      );
    }
  });

  // Auto-archive also runs at browser start, so a machine that was off through a run catches up.
  browser.runtime.onStartup.addListener(() => {
    void guarded('auto-archive at browser start', async () => {
      const s = await ready();
      // One account's failure must not keep the others from catching up.
      for (const accountId of await enabledAccounts())
        await guarded('auto-archive', () => runAutoArchiveAndNotify(s, accountId));
    });
  });

  // Every worker start (install, browser start, wake-up after being killed) picks up unfinished work.
  void guarded('recovering unfinished work', async () => {
    const s = await ready();
    await s.pipeline.recover();
    if (await hasPendingOnDemand()) startFollowing();
    await s.capture.resume();
  });
}
