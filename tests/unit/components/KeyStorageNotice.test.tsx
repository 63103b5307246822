import { act, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
// Loaded once up front so each fresh import below re-runs modules instead of transforming them again.
import '@/components/KeyStorageNotice';
import { failIndexedDbOpen, failPut } from '../keys/browser-storage';
import { expectAccessible } from './a11y';

let probes: Array<Promise<unknown>> = [];

/**
 * A fresh module graph: the key store keeps its IndexedDB connection once open, as a page does for its lifetime.
 * The real probe runs; the test keeps hold of its answer to know when the notice has had it.
 */
async function renderNotice() {
  vi.resetModules();
  vi.doMock('@/utils/keys/keystore', async (importOriginal) => {
    const real = await importOriginal<typeof import('@/utils/keys/keystore')>();
    return {
      ...real,
      keyStorageProblem: () => {
        const probe = real.keyStorageProblem();
        probes.push(probe);
        return probe;
      },
    };
  });
  const { KeyStorageNotice } = await import('@/components/KeyStorageNotice');
  return render(<KeyStorageNotice />);
}

afterEach(async () => {
  vi.doUnmock('@/utils/keys/keystore');
  vi.restoreAllMocks();
  probes = [];
  // The probe's answer holds for the browser session; each test starts a new one.
  await fakeBrowser.storage.session.clear();
});

describe('key storage notice', () => {
  it('stays away where IndexedDB keeps keys', async () => {
    const probed = vi.spyOn(IDBObjectStore.prototype, 'delete');
    const { container } = await renderNotice();
    await waitFor(() => expect(probes).toHaveLength(1));
    // Settled: the probe has answered (its transaction complete) and the notice has rendered that answer.
    await act(async () => {
      expect(await probes[0]).toBeUndefined();
    });
    expect(probed).toHaveBeenCalled();
    expect(container.textContent).toBe('');
  });

  it('explains private mode: session-only keys, no lists or downloads, and the way out', async () => {
    failIndexedDbOpen();
    const { container } = await renderNotice();
    await screen.findByText('This browser keeps no data for extensions (private mode)');
    expect(container.textContent).toMatch(/kept only until you close the browser/);
    expect(container.textContent).toMatch(/let Firefox remember history/);
    await expectAccessible(container);
  });

  it('says keys are session-only where a CryptoKey cannot be stored, and that downloads still work', async () => {
    failPut('DataCloneError');
    const { container } = await renderNotice();
    await screen.findByText('This browser cannot store signing keys');
    expect(container.textContent).toMatch(/Downloads still work/);
    await expectAccessible(container);
  });

  it('probes once per browser session: a view opened later shows the answer without writing a key', async () => {
    failPut('DataCloneError');
    const first = await renderNotice();
    await screen.findByText('This browser cannot store signing keys');
    first.unmount();
    vi.restoreAllMocks();
    const writes = vi.spyOn(IDBObjectStore.prototype, 'put');
    await renderNotice();
    await screen.findByText('This browser cannot store signing keys');
    expect(writes).not.toHaveBeenCalled();
  });
});
