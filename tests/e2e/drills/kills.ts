import type { RunningEmulator } from '../../emulator/index';
import type { WorkerControl } from '../support/worker';
import { preciseNow, sleep } from './mode';

export type KillStyle = 'random' | 'after-url';

export interface Kill {
  style: KillStyle;
  /** preciseNow() once the worker's target was gone. */
  at: number;
}

/**
 * Stops the worker `count` times while `running()` holds: alternately at a random moment, and a few ms after the
 * emulator issued a document URL (the window between Get Report Document and downloads.download).
 */
export async function killRepeatedly(
  control: WorkerControl,
  emulator: RunningEmulator,
  o: { count: number; gapMs: [number, number]; running: () => boolean },
): Promise<Kill[]> {
  const kills: Kill[] = [];
  while (kills.length < o.count && o.running()) {
    await sleep(o.gapMs[0] + Math.random() * (o.gapMs[1] - o.gapMs[0]));
    const style: KillStyle = kills.length % 2 ? 'after-url' : 'random';
    if (style === 'after-url') {
      const issued = await nextUrl(emulator, 5_000);
      if (!issued) continue;
      await sleep(Math.random() * 40);
    }
    if (await control.kill()) kills.push({ style, at: preciseNow() });
  }
  return kills;
}

function nextUrl(emulator: RunningEmulator, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => finish(false), timeoutMs);
    const stop = emulator.admin.watchUrls(() => finish(true));
    function finish(seen: boolean) {
      clearTimeout(timer);
      stop();
      resolve(seen);
    }
  });
}

export interface KillWindows {
  /** The worker died holding a URL it never handed to downloads.download (the job had to be queued again). */
  urlDropped: number;
  /** download() had been called when the worker died, its request reached the host only afterwards (adopted). */
  downloadInFlight: number;
}

/** What each kill interrupted, read from the emulator's per-URL records: URLs issued within 2 s before a kill. */
export function classifyKills(emulator: RunningEmulator, kills: readonly Kill[]): KillWindows {
  const urls = Object.values(emulator.admin.stats().documents).flatMap((d) => d.urls);
  const windows: KillWindows = { urlDropped: 0, downloadInFlight: 0 };
  for (const kill of kills) {
    const open = urls.filter((u) => u.issuedAt < kill.at && u.issuedAt > kill.at - 2_000 && (u.downloads[0]?.requestedAt ?? Infinity) >= kill.at);
    if (open.some((u) => u.downloads.length === 0)) windows.urlDropped += 1;
    else if (open.length > 0) windows.downloadInFlight += 1;
  }
  return windows;
}
