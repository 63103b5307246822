import type { RunningEmulator } from '../../emulator/index';
import type { WorkerControl } from '../support/worker';
import { sleep } from './mode';

/**
 * `held-url`: a URL was issued and its answer is held until the stop is sent (the worker dies before it can use the
 * URL); `after-url`: 0–40 ms after a URL went out, racing the worker's download() call; `random`: at once.
 */
export type KillStyle = 'held-url' | 'random' | 'after-url';
const STYLES: readonly KillStyle[] = ['held-url', 'random', 'after-url'];

export interface Kill {
  style: KillStyle;
  /** When the stop was sent (epoch ms, the emulator's clock). */
  at: number;
}

/** Documents of `documentIds` downloaded completely so far, as the emulator saw it (no load on the worker). */
function served(emulator: RunningEmulator, documentIds: readonly string[]): number {
  const documents = emulator.admin.stats().documents;
  return documentIds.filter((id) => documents[id]?.urls.some((u) => u.downloads.some((d) => d.completed))).length;
}

/**
 * Stops the worker `count` times, spread over the bulk by its progress (so a fast run gets them all too), each at
 * a jittered point, in turn: just after the emulator issued a document URL, at once, and a little later after a URL
 * (the window between Get Report Document and downloads.download, early and late in it).
 */
export async function killRepeatedly(
  control: WorkerControl,
  emulator: RunningEmulator,
  o: { count: number; documentIds: readonly string[]; running: () => boolean },
): Promise<Kill[]> {
  const kills: Kill[] = [];
  const step = o.documentIds.length / (o.count + 1);
  for (let k = 1; k <= o.count && o.running(); k++) {
    const due = Math.floor(step * k + (Math.random() - 0.5) * step * 0.5);
    while (o.running() && served(emulator, o.documentIds) < due) await sleep(20);
    const style = STYLES[(k - 1) % STYLES.length]!;
    // Until it lands: the worker may still be down from the last kill, waiting for the next poll to wake it.
    while (o.running()) {
      let at: number | null;
      if (style === 'held-url') at = await onNextUrl(emulator, () => control.kill(), true);
      else if (style === 'after-url') {
        at = await onNextUrl(
          emulator,
          async () => {
            await sleep(Math.random() * 40);
            return control.kill();
          },
          false,
        );
      } else at = await control.kill();
      if (at !== null) {
        kills.push({ style, at });
        break;
      }
      await sleep(50);
    }
  }
  return kills;
}

/** Runs `act` when the emulator next issues a URL (null after 1 s without one); `hold` keeps the answer back meanwhile. */
function onNextUrl<T>(emulator: RunningEmulator, act: () => Promise<T | null>, hold: boolean): Promise<T | null> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      resolve(null);
    }, 1_000);
    const stop = emulator.admin.watchUrls(() => {
      stop();
      clearTimeout(timer);
      const acted = act().then(resolve, reject);
      return hold ? acted : undefined;
    });
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
    const open = urls.filter(
      (u) =>
        u.issuedAt < kill.at && u.issuedAt > kill.at - 2_000 && (u.downloads[0]?.requestedAt ?? Infinity) >= kill.at,
    );
    if (open.some((u) => u.downloads.length === 0)) windows.urlDropped += 1;
    else if (open.length > 0) windows.downloadInFlight += 1;
  }
  return windows;
}
