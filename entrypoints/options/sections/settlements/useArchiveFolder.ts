import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import {
  directoryPicker,
  filesInFolder,
  mayRead,
  newSince,
  rememberedFolder,
  rememberFolder,
  rememberSeen,
  seenAfter,
  seenFiles,
  type ArchiveDirectory,
  type FolderFile,
} from '@/utils/ledger/archive-folder';

export interface FolderNote {
  tone: 'info' | 'warning';
  text: string;
}

/**
 * Chromium's remembered archive folder: "Import folder…" picks it through the File System Access API and keeps
 * it; "Rescan archive folder" imports what is new there. `pick` and `rescan` are undefined where there is no such
 * API (the folder input serves instead) or nothing is remembered yet.
 */
export function useArchiveFolder(importFiles: (files: FolderFile[]) => Promise<boolean>) {
  const [picker] = useState(directoryPicker);
  const [folder, setFolder] = useState<ArchiveDirectory>();
  const [note, setNote] = useState<FolderNote>();
  useEffect(() => {
    // A handle that cannot be read back (storage cleared, another profile) just means no rescan is offered.
    if (picker) rememberedFolder().then(setFolder, () => undefined);
  }, [picker]);

  const scan = async (directory: ArchiveDirectory, seen: Record<string, string>) => {
    const files = await filesInFolder(directory);
    const fresh = newSince(files, seen);
    if (fresh.length === 0) setNote({ tone: 'info', text: t('ledgerFolderNothingNew', directory.name) });
    else if (await importFiles(fresh)) await rememberSeen(seenAfter(files));
  };
  const guarded = async (run: () => Promise<void>) => {
    setNote(undefined);
    try {
      await run();
    } catch (error) {
      // Closing the picker is not a failure.
      if (error instanceof DOMException && error.name === 'AbortError') return;
      setNote({ tone: 'warning', text: t('ledgerFolderFailed', String(error)) });
    }
  };

  const pick =
    picker &&
    (() =>
      guarded(async () => {
        const directory = await picker({ id: 'report-courier-archive', mode: 'read' });
        await rememberFolder(directory);
        setFolder(directory);
        await scan(directory, {});
      }));
  const rescan =
    folder &&
    (() =>
      guarded(async () => {
        // First thing in the click: the browser's permission prompt needs the merchant's gesture.
        if (!(await mayRead(folder))) {
          setNote({ tone: 'warning', text: t('ledgerFolderDenied', folder.name) });
          return;
        }
        await scan(folder, await seenFiles());
      }));
  return { pick, rescan, folderName: folder?.name, note };
}
