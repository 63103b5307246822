import { useRef, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';

interface Props {
  busy: boolean;
  onFiles(files: File[]): void;
  /** Where the browser can remember a folder (Chromium): the folder button picks one through it. */
  onPickFolder?(): Promise<void>;
  /** A remembered folder, offered for a rescan. */
  rescan?: { folderName: string; run(): Promise<void> };
}

/** Files from the file picker, a folder picker or a drop (folders included: their files are read recursively), and a rescan of the remembered folder. */
export function SettlementImport({ busy, onFiles, onPickFolder, rescan }: Props) {
  const [dragging, setDragging] = useState(false);
  const filePicker = useRef<HTMLInputElement>(null);
  const folderPicker = useRef<HTMLInputElement>(null);
  const fromInput = (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length > 0) onFiles(files);
  };
  const onDrop = async (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const items = [...(event.dataTransfer?.items ?? [])];
    const entries = items.map((item) => item.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => !!e);
    const files = entries.length > 0 ? await filesOf(entries) : [...(event.dataTransfer?.files ?? [])];
    if (files.length > 0) onFiles(files);
  };
  return (
    <div
      class={`key-drop ledger-drop${dragging ? ' dragging' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => void onDrop(e)}
    >
      <div class="card-actions">
        <button type="button" disabled={busy} onClick={() => filePicker.current?.click()}>
          {t('ledgerImportFiles')}
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => (onPickFolder ? void onPickFolder() : folderPicker.current?.click())}
        >
          {t('ledgerImportFolder')}
        </button>
        {rescan && (
          <button type="button" disabled={busy} onClick={() => void rescan.run()}>
            {t('ledgerRescanFolder', rescan.folderName)}
          </button>
        )}
        <input
          ref={filePicker}
          type="file"
          multiple
          accept=".csv,.txt,text/csv,text/plain"
          aria-label={t('ledgerImportFiles')}
          onChange={fromInput}
          hidden
        />
        <input
          ref={(input) => {
            folderPicker.current = input;
            input?.setAttribute('webkitdirectory', '');
          }}
          type="file"
          multiple
          aria-label={t('ledgerImportFolder')}
          onChange={fromInput}
          hidden
        />
      </div>
      <p class="hint">{t('ledgerDropHint')}</p>
    </div>
  );
}

async function filesOf(entries: FileSystemEntry[]): Promise<File[]> {
  const files: File[] = [];
  for (const entry of entries) {
    if (entry.isFile) {
      files.push(await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject)));
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      const children: FileSystemEntry[] = [];
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
        if (batch.length === 0) break;
        children.push(...batch);
      }
      files.push(...(await filesOf(children)));
    }
  }
  return files;
}
