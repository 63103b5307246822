import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * Firefox's `storage.session`: values are structured-cloned (a CryptoKey stays a CryptoKey), unlike fake-browser's
 * JSON round trip, which is what Chrome does. `restartBrowser` empties it, as closing the browser does.
 */
export function firefoxSessionStorage() {
  const data = new Map<string, unknown>();
  const area = fakeBrowser.storage.session;
  vi.spyOn(area, 'get').mockImplementation(async (key) => {
    const value = data.get(key as string);
    return value === undefined ? {} : { [key as string]: structuredClone(value) };
  });
  vi.spyOn(area, 'set').mockImplementation(async (items) => {
    for (const [key, value] of Object.entries(items)) data.set(key, structuredClone(value));
  });
  vi.spyOn(area, 'remove').mockImplementation(async (key) => void data.delete(key as string));
  return { keys: () => [...data.keys()], restartBrowser: () => data.clear() };
}

function domError(name: string): DOMException {
  return new DOMException(`simulated ${name}`, name);
}

/** Firefox "never remember history": `indexedDB.open` returns a request that fails with InvalidStateError. */
export function failIndexedDbOpen(name = 'InvalidStateError'): void {
  vi.spyOn(indexedDB, 'open').mockImplementation(() => {
    const request = { error: domError(name), result: undefined } as unknown as IDBOpenDBRequest;
    setTimeout(() => request.onerror?.(new Event('error')));
    return request;
  });
}

/** Some engines throw from `open` itself instead of failing the request. */
export function throwFromIndexedDbOpen(name: string): void {
  vi.spyOn(indexedDB, 'open').mockImplementation(() => {
    throw domError(name);
  });
}

/** IndexedDB opens, but a CryptoKey cannot be cloned into it (or writes fail with another error). */
export function failPut(name: string): void {
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
    throw domError(name);
  });
}
