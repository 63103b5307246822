import { waitFor } from '@testing-library/preact';
import { render as renderWithoutAct } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/entrypoints/options/App';

type ListenerSpy = ReturnType<typeof vi.fn>;
let listenerSpies: { added: ListenerSpy; removed: ListenerSpy }[] = [];

// The page's host-access notice reads the manifest and watches permissions, which fake-browser does not have.
beforeEach(() => {
  vi.restoreAllMocks();
  const { runtime, permissions } = fakeBrowser;
  vi.spyOn(runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'x', version: '1' });
  listenerSpies = [permissions.onAdded, permissions.onRemoved].map((event) => ({
    added: vi.spyOn(event, 'addListener').mockImplementation(() => undefined),
    removed: vi.spyOn(event, 'removeListener').mockImplementation(() => undefined),
  }));
});

/**
 * Unmounts the page and waits until every permissions listener it added is removed: Preact runs those cleanups after
 * the next frame, and the spies end with the test file, so a cleanup that came later would reach fake-browser's
 * unimplemented removeListener and fail the run.
 */
async function unmount(root: HTMLElement): Promise<void> {
  renderWithoutAct(null, root);
  root.remove();
  await waitFor(() => {
    for (const { added, removed } of listenerSpies) expect(removed).toHaveBeenCalledTimes(added.mock.calls.length);
  });
}

afterEach(() => history.replaceState(null, '', location.pathname));

describe("the options page's address", () => {
  it('is followed when it changes between the first render and the effect that listens for changes', async () => {
    history.replaceState(null, '', '#history');
    const root = document.body.appendChild(document.createElement('div'));
    // Without act(), the listener comes a frame after the render, as in the browser.
    renderWithoutAct(<App />, root);
    const heading = () => root.querySelector('h2')?.textContent;
    expect(heading()).toBe('Archive history');
    // No event reaches a listener that is not there yet; replaceState sends none at all.
    history.replaceState(null, '', '#bank');
    await waitFor(() => expect(heading()).toBe('Bank'));
    await unmount(root);
  });
});
