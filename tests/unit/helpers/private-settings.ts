import { clear, createStore } from 'idb-keyval';

/** A clean slate for the settings content scripts cannot reach (the extension's IndexedDB, here fake-indexeddb). */
export function clearPrivateSettings(): Promise<void> {
  return clear(createStore('report-courier-settings', 'settings'));
}
