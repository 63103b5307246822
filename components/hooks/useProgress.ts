import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/utils/messaging/client';
import { PROGRESS_PORT, type DownloadsSnapshot, type ProgressEvent } from '@/utils/messaging/protocol';

export interface Progress {
  snapshot: DownloadsSnapshot;
  /** False until the background's snapshot arrived (always true for a view that may not ask for one). */
  loaded: boolean;
}

const EMPTY: DownloadsSnapshot = { jobs: [], batches: [] };
const RECONNECT_MS = 1_000;

/**
 * The one subscription to the background's progress: a snapshot (where the view may ask for one), then every change
 * pushed over the progress port. The port closes when the worker stops; a new port and a fresh snapshot a second
 * later pick up whatever happened meanwhile. Once the extension is gone (a content script left behind by an update)
 * connecting throws, and following simply ends.
 */
export function useProgress(wantSnapshot: boolean): Progress {
  const [progress, setProgress] = useState<Progress>({ snapshot: EMPTY, loaded: !wantSnapshot });

  useEffect(() => {
    let live = true;
    let port: ReturnType<typeof browser.runtime.connect> | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const connect = () => {
      try {
        port = browser.runtime.connect({ name: PROGRESS_PORT });
      } catch {
        return;
      }
      port.onMessage.addListener((message: unknown) =>
        setProgress((p) => ({ ...p, snapshot: applyEvent(p.snapshot, message as ProgressEvent) })),
      );
      port.onDisconnect.addListener(() => {
        if (live) retry = setTimeout(connect, RECONNECT_MS);
      });
      if (wantSnapshot)
        sendMessage('getDownloads', {})
          .then((snapshot) => {
            if (live) setProgress({ snapshot, loaded: true });
          })
          .catch(() => undefined);
    };
    connect();
    return () => {
      live = false;
      clearTimeout(retry);
      // Throws once the extension is gone (updated or removed): nothing left to disconnect from.
      try {
        port?.disconnect();
      } catch {
        /* already gone */
      }
    };
  }, [wantSnapshot]);

  return progress;
}

export function applyEvent(snapshot: DownloadsSnapshot, event: ProgressEvent): DownloadsSnapshot {
  if (event.type === 'job') {
    const others = snapshot.jobs.filter((j) => j.jobId !== event.job.jobId);
    return { ...snapshot, jobs: [...others, event.job] };
  }
  const others = snapshot.batches.filter((b) => b.batchId !== event.batch.batchId);
  return { ...snapshot, batches: [...others, event.batch] };
}
