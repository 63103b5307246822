import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SettlementsSection } from '@/entrypoints/options/sections/settlements/SettlementsSection';
import {
  directoryPicker,
  filesInFolder,
  mayRead,
  newSince,
  rememberSeen,
  seenAfter,
  seenFiles,
  type ArchiveDirectory,
  type ArchiveFile,
} from '@/utils/ledger/archive-folder';
import { setUiLanguage } from '../../setup/components';
import { expectAccessible } from '../a11y';
import { fakeHostPermissions } from '../../fakes/permissions';

const fixture = (name: string) => new Uint8Array(readFileSync(path.join(process.cwd(), 'tests/fixtures/ledger', name)));

/** A folder as Chromium's File System Access API hands it out; the merchant answers the permission prompt. */
class FakeFolder implements ArchiveDirectory {
  readonly kind = 'directory';
  #entries: (ArchiveDirectory | ArchiveFile)[] = [];
  #permission: PermissionState = 'granted';
  answer: PermissionState = 'granted';
  requests = 0;
  constructor(readonly name: string) {}
  add(name: string, bytes: Uint8Array<ArrayBuffer>, lastModified = 1_700_000_000_000): this {
    const file = new File([bytes], name, { lastModified });
    this.#entries = this.#entries.filter((e) => e.name !== name);
    this.#entries.push({ kind: 'file', name, getFile: () => Promise.resolve(file) });
    return this;
  }
  folder(child: FakeFolder): this {
    this.#entries.push(child);
    return this;
  }
  forget(): void {
    this.#permission = 'prompt';
  }
  async *values() {
    yield* this.#entries;
  }
  // Methods, not fields: the handle is stored in IndexedDB, which clones data and not functions.
  queryPermission() {
    return Promise.resolve(this.#permission);
  }
  requestPermission() {
    this.requests++;
    this.#permission = this.answer;
    return Promise.resolve(this.answer);
  }
}

// The section's capture card listens for permission changes, which the fake browser lacks. The spies stay in place
// after each test: Preact runs the last view's unmount cleanups a frame late, and they remove listeners through them.
beforeEach(() => void fakeHostPermissions());
afterEach(() => vi.unstubAllGlobals());

describe('the archive folder, read through its handle', () => {
  it('lists every file below it with its path, and tells new or changed files from those seen before', async () => {
    const root = new FakeFolder('AmazonPay')
      .add('b.csv', new Uint8Array([1]))
      .folder(new FakeFolder('Settlement').add('s1.csv', new Uint8Array([1, 2])));
    const files = await filesInFolder(root);
    expect(files.map((f) => f.path)).toEqual(['AmazonPay/Settlement/s1.csv', 'AmazonPay/b.csv']);
    const seen = seenAfter(files);
    await rememberSeen(seen);
    expect(await seenFiles()).toEqual(seen);
    root.add('b.csv', new Uint8Array([1, 2, 3]));
    root.add('c.csv', new Uint8Array([4]));
    expect(newSince(await filesInFolder(root), seen).map((f) => f.path)).toEqual([
      'AmazonPay/b.csv',
      'AmazonPay/c.csv',
    ]);
  });

  it('asks for permission only when the browser no longer grants it, and knows where the API is missing', async () => {
    const folder = new FakeFolder('AmazonPay');
    expect(await mayRead(folder)).toBe(true);
    expect(folder.requests).toBe(0);
    folder.forget();
    folder.answer = 'denied';
    expect(await mayRead(folder)).toBe(false);
    expect(folder.requests).toBe(1);
    expect(directoryPicker({})).toBeUndefined();
    expect(directoryPicker({ showDirectoryPicker: () => Promise.resolve(folder) })).toBeTypeOf('function');
  });
});

describe('Import folder and Rescan archive folder in the Settlements section', () => {
  it('picks a folder, imports it, then rescans only what is new, after asking the browser', async () => {
    const root = new FakeFolder('AmazonPay').add('settlement-us.csv', fixture('settlement-us.csv'));
    vi.stubGlobal(
      'showDirectoryPicker',
      vi.fn(() => Promise.resolve(root)),
    );
    const { container } = render(<SettlementsSection />);
    fireEvent.click(await screen.findByRole('button', { name: 'Import a folder…' }));
    const rescan = await screen.findByRole('button', { name: 'Rescan archive folder “AmazonPay”' });
    await screen.findByRole('button', { name: 'Settlement 7301234567 (USD)' });
    // The list paints from its line records before the import has settled; the buttons come back with the outcome.
    await screen.findByText('1 imported, 0 already known, 0 in conflict.');
    expect((rescan as HTMLButtonElement).disabled).toBe(false);

    root.forget();
    fireEvent.click(rescan);
    expect(await screen.findByText('Nothing new in “AmazonPay” since the last scan.')).toBeTruthy();
    expect(root.requests).toBe(1);

    root.add('settlement-jp.csv', fixture('settlement-jp.csv'));
    rescan.focus();
    fireEvent.click(rescan);
    await screen.findByRole('button', { name: 'Settlement 9100001234 (JPY)' });
    await waitFor(() => expect(screen.getByText(/^1 imported, 0 already known/)).toBeTruthy());
    await expectAccessible(container);
  });

  it('says what to do when the merchant refuses the permission', async () => {
    const root = new FakeFolder('Archiv').add('settlement-us.csv', fixture('settlement-us.csv'));
    vi.stubGlobal('showDirectoryPicker', () => Promise.resolve(root));
    setUiLanguage('de');
    render(<SettlementsSection />);
    fireEvent.click(await screen.findByRole('button', { name: 'Ordner importieren…' }));
    const rescan = await screen.findByRole('button', { name: 'Archivordner „Archiv“ erneut einlesen' });
    // The first import is still settling while the button shows: it is disabled until then.
    await waitFor(() => expect((rescan as HTMLButtonElement).disabled).toBe(false));
    root.forget();
    root.answer = 'denied';
    fireEvent.click(rescan);
    expect(await screen.findByText(/^Report Courier darf „Archiv“ nicht lesen\./)).toBeTruthy();
  });

  it('offers no rescan where the browser has no directory handles (Firefox): the folder input serves', async () => {
    render(<SettlementsSection />);
    const folderButton = await screen.findByRole('button', { name: 'Import a folder…' });
    const input = document.querySelector<HTMLInputElement>('input[webkitdirectory]')!;
    const click = vi.spyOn(input, 'click').mockImplementation(() => undefined);
    fireEvent.click(folderButton);
    expect(click).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('button', { name: /^Rescan archive folder/ })).toBeNull();
  });
});
