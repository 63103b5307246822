/**
 * The archive folder a merchant picked once (Chromium's File System Access API): its handle is kept in IndexedDB,
 * so "Rescan archive folder" on a later visit asks the browser's permission again (from the click) and imports only
 * the files that are new or changed since the last scan. Where the API is missing (Firefox), none of this is offered.
 */
import { createStore, get, set, type UseStore } from 'idb-keyval';

/** The parts of FileSystemDirectoryHandle / FileSystemFileHandle we use; TypeScript's DOM types lack the permission calls. */
export interface ArchiveDirectory {
  kind: 'directory';
  name: string;
  values(): AsyncIterable<ArchiveDirectory | ArchiveFile>;
  queryPermission(descriptor: { mode: 'read' }): Promise<PermissionState>;
  requestPermission(descriptor: { mode: 'read' }): Promise<PermissionState>;
}
export interface ArchiveFile {
  kind: 'file';
  name: string;
  getFile(): Promise<File>;
}
export interface FolderFile {
  /** The path below the picked folder, with the folder's own name first (as a folder input names it). */
  path: string;
  file: File;
}
type DirectoryPicker = (options: { id: string; mode: 'read' }) => Promise<ArchiveDirectory>;

const HANDLE = 'archive-folder';
/** path → size and modification time at the last scan: what counts as already imported. */
const SEEN = 'archive-folder-seen';
let defaultStore: UseStore | undefined;
const store = () => (defaultStore ??= createStore('report-courier-archive-folder', 'folder'));

export function directoryPicker(scope: object = globalThis): DirectoryPicker | undefined {
  const picker = (scope as { showDirectoryPicker?: DirectoryPicker }).showDirectoryPicker;
  return typeof picker === 'function' ? picker.bind(scope) : undefined;
}

/** Every file below a folder, depth first, in name order. */
export async function filesInFolder(directory: ArchiveDirectory, prefix = directory.name): Promise<FolderFile[]> {
  const entries: (ArchiveDirectory | ArchiveFile)[] = [];
  for await (const entry of directory.values()) entries.push(entry);
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: FolderFile[] = [];
  for (const entry of entries) {
    const path = `${prefix}/${entry.name}`;
    if (entry.kind === 'directory') files.push(...(await filesInFolder(entry, path)));
    else files.push({ path, file: await entry.getFile() });
  }
  return files;
}

const fingerprint = (file: File) => `${file.size}:${file.lastModified}`;

/** The files not seen at the last scan, or seen with another size or modification time. */
export function newSince(files: FolderFile[], seen: Record<string, string>): FolderFile[] {
  return files.filter(({ path, file }) => seen[path] !== fingerprint(file));
}

export function seenAfter(files: FolderFile[]): Record<string, string> {
  return Object.fromEntries(files.map(({ path, file }) => [path, fingerprint(file)]));
}

export const rememberedFolder = (db = store()) => get<ArchiveDirectory>(HANDLE, db);
export const seenFiles = async (db = store()) => (await get<Record<string, string>>(SEEN, db)) ?? {};
export const rememberSeen = (seen: Record<string, string>, db = store()) => set(SEEN, seen, db);

/** A newly picked folder replaces the last one; what was seen there no longer counts. */
export async function rememberFolder(directory: ArchiveDirectory, db = store()): Promise<void> {
  await set(HANDLE, directory, db);
  await set(SEEN, {}, db);
}

/** Whether the folder may be read now: asks the browser (which asks the merchant) only when it must. */
export async function mayRead(directory: ArchiveDirectory): Promise<boolean> {
  if ((await directory.queryPermission({ mode: 'read' })) === 'granted') return true;
  return (await directory.requestPermission({ mode: 'read' })) === 'granted';
}
