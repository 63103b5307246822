import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { applyEvent } from '@/components/hooks/useDownloads';
import { sendMessage } from '@/utils/messaging/client';
import {
  PROGRESS_PORT,
  type BatchView,
  type DownloadsSnapshot,
  type JobView,
  type ProgressEvent,
} from '@/utils/messaging/protocol';

export interface BatchesState {
  /** False until the first snapshot arrived: until then "no batch" means "not known yet". */
  loaded: boolean;
  batches: BatchView[];
  jobs: JobView[];
}

const RECONNECT_MS = 1_000;

/**
 * Follows some batches across accounts: a snapshot, then the progress port. The port closes when the
 * background's worker stops; then a fresh snapshot and a new port pick up whatever happened meanwhile.
 */
export function useBatches(batchIds: string[]): BatchesState {
  const [snapshot, setSnapshot] = useState<DownloadsSnapshot>();

  useEffect(() => {
    let live = true;
    let port: ReturnType<typeof browser.runtime.connect> | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const connect = () => {
      port = browser.runtime.connect({ name: PROGRESS_PORT });
      port.onMessage.addListener((message: unknown) =>
        setSnapshot((s) => s && applyEvent(s, message as ProgressEvent)),
      );
      port.onDisconnect.addListener(() => {
        if (live) retry = setTimeout(connect, RECONNECT_MS);
      });
      void sendMessage('getDownloads', {})
        .then((s) => {
          if (live) setSnapshot(s);
        })
        .catch(() => undefined);
    };
    connect();
    return () => {
      live = false;
      clearTimeout(retry);
      port?.disconnect();
    };
  }, []);

  // The ids as one string, so a new array with the same ids keeps the memo.
  const key = batchIds.join('\n');
  return useMemo(() => {
    const wanted = new Set(key.split('\n'));
    return {
      loaded: snapshot !== undefined,
      batches: (snapshot?.batches ?? []).filter((b) => wanted.has(b.batchId)),
      jobs: (snapshot?.jobs ?? []).filter((j) => wanted.has(j.batchId)),
    };
  }, [snapshot, key]);
}
