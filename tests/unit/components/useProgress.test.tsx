import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useProgress } from '@/components/hooks/useProgress';
import type { DownloadsSnapshot, JobView } from '@/utils/messaging/protocol';

/** A progress port the test drives: it delivers events and closes as a stopping worker's port does. */
function fakePort() {
  const onMessage: Array<(message: unknown) => void> = [];
  const onDisconnect: Array<() => void> = [];
  return {
    port: {
      onMessage: { addListener: (f: (message: unknown) => void) => onMessage.push(f) },
      onDisconnect: { addListener: (f: () => void) => onDisconnect.push(f) },
      disconnect: vi.fn(),
    },
    send: (message: unknown) => onMessage.forEach((f) => f(message)),
    close: () => onDisconnect.forEach((f) => f()),
  };
}

const job = (jobId: string): JobView => ({ jobId, reportId: `R-${jobId}`, accountId: 'a' }) as JobView;

function Probe({ snapshot }: { snapshot: boolean }) {
  const progress = useProgress(snapshot);
  const ids = progress.snapshot.jobs.map((j) => j.jobId).sort();
  return <p>{`${progress.loaded ? 'loaded' : 'loading'}: ${ids.join(',') || 'none'}`}</p>;
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

describe('progress subscription', () => {
  it('connects again after the worker stops, with a fresh snapshot, and keeps following', async () => {
    const ports = [fakePort(), fakePort()];
    const connect = vi.spyOn(fakeBrowser.runtime, 'connect');
    ports.forEach(({ port }) => connect.mockReturnValueOnce(port as never));
    const snapshots: DownloadsSnapshot[] = [
      { jobs: [job('1')], batches: [] },
      { jobs: [job('1'), job('2')], batches: [] },
    ];
    fakeBrowser.runtime.onMessage.addListener(async () => ({ ok: true, value: snapshots.shift() }));

    render(<Probe snapshot />);
    await screen.findByText('loaded: 1');
    ports[0]!.close();
    // The snapshot after reconnecting carries what happened while no port was open.
    await screen.findByText('loaded: 1,2', undefined, { timeout: 3_000 });
    expect(connect).toHaveBeenCalledTimes(2);
    ports[1]!.send({ type: 'job', job: job('3') });
    await screen.findByText('loaded: 1,2,3');
  });

  it('follows events without a snapshot where the view may not ask for one (the panel), also after a restart', async () => {
    const ports = [fakePort(), fakePort()];
    const connect = vi.spyOn(fakeBrowser.runtime, 'connect');
    ports.forEach(({ port }) => connect.mockReturnValueOnce(port as never));
    const asked = vi.fn();
    fakeBrowser.runtime.onMessage.addListener(asked);

    render(<Probe snapshot={false} />);
    ports[0]!.send({ type: 'job', job: job('1') });
    await screen.findByText('loaded: 1');
    ports[0]!.close();
    await waitFor(() => expect(connect).toHaveBeenCalledTimes(2), { timeout: 3_000 });
    ports[1]!.send({ type: 'job', job: job('2') });
    await screen.findByText('loaded: 1,2');
    expect(asked).not.toHaveBeenCalled();
  });

  it('stops quietly once the extension is gone and connecting throws', async () => {
    const connect = vi.spyOn(fakeBrowser.runtime, 'connect').mockImplementation(() => {
      throw new Error('Extension context invalidated.');
    });
    render(<Probe snapshot={false} />);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(screen.getByText('loaded: none')).toBeTruthy();
    expect(connect).toHaveBeenCalledTimes(1);
  });
});
