import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HostAccess } from '@/entrypoints/options/HostAccess';
import { expectAccessible } from '../a11y';

const API_ORIGINS = ['https://pay-api.amazon.com/*', 'https://pay-api.amazon.eu/*', 'https://pay-api.amazon.jp/*'];

/** Firefox-like host permissions (fake-browser 1.5 has none): a granted set, a user who answers requests, change events. */
function fakePermissions(granted: string[], answer: 'allow' | 'deny' = 'allow') {
  // The previous test's spies go; they stay in place until now because Preact runs unmount cleanups a frame late.
  vi.restoreAllMocks();
  const have = new Set(granted);
  const listeners = { added: new Set<() => void>(), removed: new Set<() => void>() };
  const requested: string[][] = [];
  const p = fakeBrowser.permissions;
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'x',
    version: '1',
    host_permissions: API_ORIGINS,
  });
  vi.spyOn(p, 'contains').mockImplementation(async ({ origins = [] }) => origins.every((o) => have.has(o)));
  vi.spyOn(p, 'request').mockImplementation(async ({ origins = [] }) => {
    requested.push(origins);
    if (answer === 'deny') return false;
    origins.forEach((o) => have.add(o));
    listeners.added.forEach((l) => l());
    return true;
  });
  vi.spyOn(p.onAdded, 'addListener').mockImplementation((l) => void listeners.added.add(l as () => void));
  vi.spyOn(p.onAdded, 'removeListener').mockImplementation((l) => void listeners.added.delete(l as () => void));
  vi.spyOn(p.onRemoved, 'addListener').mockImplementation((l) => void listeners.removed.add(l as () => void));
  vi.spyOn(p.onRemoved, 'removeListener').mockImplementation((l) => void listeners.removed.delete(l as () => void));
  return {
    requested,
    listeners,
    revoke(origin: string) {
      have.delete(origin);
      listeners.removed.forEach((l) => l());
    },
  };
}

const hostsShown = () => screen.queryAllByRole('listitem').map((li) => li.textContent);

describe('host access notice', () => {
  it('shows nothing while every Amazon Pay host is granted', async () => {
    const permissions = fakePermissions(API_ORIGINS);
    const { container } = render(<HostAccess />);
    await waitFor(() => expect(fakeBrowser.permissions.contains).toHaveBeenCalledTimes(3));
    expect(container.textContent).toBe('');
    expect(permissions.requested).toEqual([]);
  });

  it('names the missing hosts and asks for exactly those from the click', async () => {
    const permissions = fakePermissions(['https://pay-api.amazon.com/*']);
    const { container } = render(<HostAccess />);
    await screen.findByText('Allow access to Amazon Pay');
    expect(hostsShown()).toEqual(['pay-api.amazon.eu', 'pay-api.amazon.jp']);
    await expectAccessible(container);

    fireEvent.click(screen.getByRole('button', { name: 'Allow access' }));
    expect(permissions.requested).toEqual([['https://pay-api.amazon.eu/*', 'https://pay-api.amazon.jp/*']]);
    await waitFor(() => expect(container.textContent).toBe(''));
  });

  it('says how else to allow access when the request is declined, and keeps the hosts listed', async () => {
    fakePermissions(['https://pay-api.amazon.com/*', 'https://pay-api.amazon.jp/*'], 'deny');
    const { container } = render(<HostAccess />);
    fireEvent.click(await screen.findByRole('button', { name: 'Allow access' }));
    await screen.findByText(/add-on settings/);
    expect(hostsShown()).toEqual(['pay-api.amazon.eu']);
    await expectAccessible(container);
  });

  it('appears when access is withdrawn while the page is open, and stops listening when unmounted', async () => {
    const permissions = fakePermissions(API_ORIGINS);
    const { unmount } = render(<HostAccess />);
    await waitFor(() => expect(permissions.listeners.removed.size).toBe(1));
    permissions.revoke('https://pay-api.amazon.jp/*');
    await screen.findByText('Allow access to Amazon Pay');
    expect(hostsShown()).toEqual(['pay-api.amazon.jp']);
    unmount();
    await waitFor(() => expect(permissions.listeners.added.size + permissions.listeners.removed.size).toBe(0));
  });
});
