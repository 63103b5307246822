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
  /** `held-url`: the URL whose answer was held back until the stop (its document and its place among that document's URLs). */
  held?: { documentId: string; urlIndex: number };
}

interface HeldUrl {
  documentId: string;
  urlIndex: number;
  release(): void;
}

/**
 * Stops the worker `count` times, spread over the bulk by the URLs issued for it, in turn: while the URL at which
 * the kill fell due is held back (`held-url`), at once (`random`), and 0–40 ms after that URL was let go
 * (`after-url`, racing the worker's download() call). From the URL a kill falls due at, every URL the emulator
 * issues is held until that kill has landed: the bulk cannot outrun the drill, however slowly a busy machine runs
 * the stops (it used to, and the drill ended with fewer kills than it asked for).
 */
export async function killRepeatedly(
  control: WorkerControl,
  emulator: RunningEmulator,
  o: { count: number; documentIds: readonly string[]; running: () => boolean },
): Promise<Kill[]> {
  const kills: Kill[] = [];
  const step = o.documentIds.length / (o.count + 1);
  const dues = Array.from({ length: o.count }, (_, i) =>
    Math.max(1, Math.floor(step * (i + 1) + (Math.random() - 0.5) * step * 0.5)),
  );
  const ours = new Set(o.documentIds);
  let issued = 0;
  let held: HeldUrl[] = [];
  const releaseAll = () => {
    for (const url of held) url.release();
    held = [];
  };
  const stopWatching = emulator.admin.watchUrls((documentId) => {
    if (!ours.has(documentId)) return undefined;
    issued += 1;
    if (kills.length >= o.count || issued < dues[kills.length]!) return undefined;
    // Recorded before watchers hear of it: this URL is the document's last one.
    const urlIndex = emulator.admin.stats().documents[documentId]!.urls.length - 1;
    return new Promise<void>((release) => held.push({ documentId, urlIndex, release }));
  });
  try {
    for (let k = 0; k < o.count && o.running(); k++) {
      const style = STYLES[k % STYLES.length]!;
      while (o.running() && held.length === 0) await sleep(20);
      // Until it lands: the worker may still be down from the last kill, waiting for the next poll to wake it.
      while (o.running()) {
        const first = held[0];
        if (style === 'after-url' && first) {
          first.release();
          await sleep(Math.random() * 40);
        }
        const at = await control.kill();
        if (at !== null) {
          const kill: Kill = { style, at };
          if (style === 'held-url' && first) kill.held = { documentId: first.documentId, urlIndex: first.urlIndex };
          kills.push(kill);
          break;
        }
        await sleep(50);
      }
      releaseAll();
    }
  } finally {
    stopWatching();
    releaseAll();
  }
  return kills;
}

export interface KillWindows {
  /** The worker died holding a URL it never handed to downloads.download (the job had to be queued again). */
  urlDropped: number;
  /** download() had been called when the worker died, its request reached the host only afterwards (adopted). */
  downloadInFlight: number;
}

/**
 * What each kill interrupted, read from the emulator's per-URL records. A held-URL kill is judged by the very URL it
 * held (never by time: under load the stop may land seconds after the URL); any other kill by the URLs issued
 * within 2 s before it.
 */
export function classifyKills(emulator: RunningEmulator, kills: readonly Kill[]): KillWindows {
  const documents = emulator.admin.stats().documents;
  const urls = Object.values(documents).flatMap((d) => d.urls);
  const windows: KillWindows = { urlDropped: 0, downloadInFlight: 0 };
  for (const kill of kills) {
    if (kill.held) {
      const held = documents[kill.held.documentId]?.urls[kill.held.urlIndex];
      if (held?.downloads.length === 0) windows.urlDropped += 1;
      else if (held && held.downloads[0]!.requestedAt >= kill.at) windows.downloadInFlight += 1;
      continue;
    }
    const open = urls.filter(
      (u) =>
        u.issuedAt < kill.at && u.issuedAt > kill.at - 2_000 && (u.downloads[0]?.requestedAt ?? Infinity) >= kill.at,
    );
    if (open.some((u) => u.downloads.length === 0)) windows.urlDropped += 1;
    else if (open.length > 0) windows.downloadInFlight += 1;
  }
  return windows;
}
