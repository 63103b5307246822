import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/** Host permissions for views (fake-browser has none): a granted set, a merchant who answers requests, change events. */
export function fakeHostPermissions(granted: string[] = [], answer: 'allow' | 'deny' = 'allow') {
  const have = new Set(granted);
  const listeners = new Set<() => void>();
  const requested: string[][] = [];
  const removed: string[][] = [];
  const p = fakeBrowser.permissions;
  const changed = () => listeners.forEach((listener) => listener());
  vi.spyOn(p, 'contains').mockImplementation(async ({ origins = [] }) => origins.every((o) => have.has(o)));
  vi.spyOn(p, 'request').mockImplementation(async ({ origins = [] }) => {
    requested.push(origins);
    if (answer === 'deny') return false;
    origins.forEach((o) => have.add(o));
    changed();
    return true;
  });
  vi.spyOn(p, 'remove').mockImplementation(async ({ origins = [] }) => {
    removed.push(origins);
    origins.forEach((o) => have.delete(o));
    changed();
    return true;
  });
  // Plain functions, not spies: Preact removes the last view's listeners a frame after its test, and a spy restored
  // by then would fall back to the fake browser's "not implemented" and throw outside any test.
  for (const event of [p.onAdded, p.onRemoved]) {
    event.addListener = (l) => void listeners.add(l as () => void);
    event.removeListener = (l) => void listeners.delete(l as () => void);
  }
  return { requested, removed, have };
}
