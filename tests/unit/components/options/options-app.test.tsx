import { waitFor } from '@testing-library/preact';
import { render as renderWithoutAct } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/entrypoints/options/App';
import { fakeHostPermissions } from '../../fakes/permissions';

// The page's host-access notice reads the manifest and watches permissions, which fake-browser does not have. The
// shared fake's listeners are plain functions, so Preact's unmount cleanup, a frame after the test, still finds them.
beforeEach(() => {
  vi.restoreAllMocks();
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'x', version: '1' });
  fakeHostPermissions();
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
