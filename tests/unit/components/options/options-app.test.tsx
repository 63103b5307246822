import { waitFor } from '@testing-library/preact';
import { render as renderWithoutAct } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/entrypoints/options/App';

// The page's host-access notice reads the manifest and watches permissions, which fake-browser does not have.
beforeEach(() => {
  // Spies stay until the next test: Preact runs unmount cleanups (removeListener) a frame after the unmount.
  vi.restoreAllMocks();
  const { runtime, permissions } = fakeBrowser;
  vi.spyOn(runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'x', version: '1' });
  for (const event of [permissions.onAdded, permissions.onRemoved]) {
    vi.spyOn(event, 'addListener').mockImplementation(() => undefined);
    vi.spyOn(event, 'removeListener').mockImplementation(() => undefined);
  }
});

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
    renderWithoutAct(null, root);
    root.remove();
  });
});
