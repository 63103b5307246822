import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { Notice } from '@/components/Notice';
import { saveTextFile } from '@/utils/views/save-file';
import { t } from '@/utils/i18n';
import type { StoredFile } from '@/utils/ledger/db';
import type { FolderFile } from '@/utils/ledger/archive-folder';
import { importSettlementFile } from '@/utils/ledger/import';
import {
  listFiles,
  listSettlementLines,
  listSettlements,
  type ListedLine,
  type ListedSettlement,
} from '@/utils/ledger/queries';
import { searchLedger, type SearchResult } from '@/utils/ledger/search';
import { settlementSummaryCsv } from '@/utils/ledger/summary-csv';
import { openKey } from '@/utils/views/open-key';
import { seriesByCurrency } from '@/utils/views/settlement-chart';
import { CaptureAtDownload } from './CaptureAtDownload';
import { LedgerSearch } from './LedgerSearch';
import { showLivePage } from '../../kept-list';
import { ledgerDb, takeEarlyList } from './ledger-db';
import { PayoutCharts } from './PayoutChart';
import { SettlementDetail } from './SettlementDetail';
import { SettlementImport } from './SettlementImport';
import { SettlementList } from './SettlementList';
import { useArchiveFolder } from './useArchiveFolder';

interface Opened {
  settlementId: string;
  currency: string;
  line?: number;
}

interface ImportOutcome {
  imported: number;
  unchanged: number;
  conflicts: number;
  unreadable: StoredFile[];
}

/** Settlement reports imported from disk: the list with check lights, a detail per settlement, and search. */
export function SettlementsSection() {
  // Lines the page read while this code loaded are painted in the section's first frame.
  const [early] = useState(takeEarlyList);
  const [lines, setLines] = useState<ListedLine[] | undefined>(early?.read);
  const [settlements, setSettlements] = useState<ListedSettlement[]>();
  const [files, setFiles] = useState<StoredFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ImportOutcome>();
  const [failure, setFailure] = useState<string>();
  const [opened, setOpened] = useState<Opened>();
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<SearchResult>();
  /** Counts searches, so that only the newest one's answer is shown (an older one may come back later). */
  const searches = useRef(0);
  // Leaving a detail puts keyboard focus back where the merchant was: the control that opened it, or the search.
  const returnFocus = useRef<string | undefined>(undefined);
  const open = (next: Opened) => {
    returnFocus.current = openKey(next.settlementId, next.currency, next.line);
    setOpened(next);
  };
  useEffect(() => {
    if (opened || !returnFocus.current) return;
    document.querySelector<HTMLElement>(`[data-open-key="${CSS.escape(returnFocus.current)}"]`)?.focus();
    returnFocus.current = undefined;
  }, [opened]);
  // The charts come a frame after the list, so the list's first paint does not wait for them.
  const [chartsShown, setChartsShown] = useState(false);
  useEffect(() => {
    if (!settlements?.length) return;
    const frame = requestAnimationFrame(() => setChartsShown(true));
    return () => cancelAnimationFrame(frame);
  }, [settlements]);
  const series = useMemo(() => (settlements ? seriesByCurrency(settlements) : []), [settlements]);

  const reload = useCallback(async (earlyLines?: Promise<ListedLine[]>) => {
    const db = await ledgerDb();
    // The list is painted from its small line records as soon as they are read; the summaries (for the detail, the
    // charts and the summary CSV) and the files (for conflicts) follow.
    const listed = earlyLines ?? listSettlementLines(db);
    const summaries = listSettlements(db);
    const stored = listFiles(db);
    setLines(await listed);
    setSettlements(await summaries);
    setFiles(await stored);
  }, []);
  useEffect(() => {
    reload(early?.lines).catch((e: unknown) => setFailure(String(e)));
  }, [reload, early]);
  const settled = lines !== undefined || failure !== undefined;
  useLayoutEffect(() => {
    if (settled) showLivePage();
  }, [settled]);

  const importFiles = async (chosen: FolderFile[]): Promise<boolean> => {
    setBusy(true);
    setOutcome(undefined);
    setFailure(undefined);
    const result: ImportOutcome = { imported: 0, unchanged: 0, conflicts: 0, unreadable: [] };
    try {
      const db = await ledgerDb();
      for (const { file, path } of chosen) {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const imported = await importSettlementFile(db, bytes, path);
        if (imported.status === 'imported') result.imported++;
        else if (imported.status === 'unchanged') result.unchanged++;
        else result.conflicts++;
        if (imported.file.errors.length > 0) result.unreadable.push(imported.file);
      }
      await reload();
      return true;
    } catch (e) {
      setFailure(String(e));
      return false;
    } finally {
      setOutcome(result);
      setBusy(false);
    }
  };

  const folder = useArchiveFolder(importFiles);

  const search = async (text: string, offset = 0) => {
    setQuery(text);
    const asked = ++searches.current;
    const found = await searchLedger(await ledgerDb(), text, { offset });
    if (searches.current === asked) setResult(found);
  };

  const openedListed =
    opened &&
    settlements?.find((l) => l.summary.settlementId === opened.settlementId && l.summary.currency === opened.currency);
  const conflicts = files.filter((f) => f.status === 'conflict');

  return (
    <div class="ledger">
      <p class="hint">{t('ledgerIntro')}</p>
      <SettlementImport
        busy={busy}
        onFiles={(chosen) =>
          void importFiles(chosen.map((file) => ({ file, path: file.webkitRelativePath || file.name })))
        }
        onPickFolder={folder.pick}
        rescan={folder.rescan && folder.folderName ? { folderName: folder.folderName, run: folder.rescan } : undefined}
      />
      {folder.note && <Notice tone={folder.note.tone}>{folder.note.text}</Notice>}
      <CaptureAtDownload />
      {busy && <p role="status">{t('ledgerImporting')}</p>}
      {failure && (
        <Notice tone="error" title={t('ledgerImportFailed')}>
          {failure}
        </Notice>
      )}
      {outcome && (
        <Notice tone={outcome.conflicts + outcome.unreadable.length > 0 ? 'warning' : 'info'}>
          {t('ledgerImported', [outcome.imported, outcome.unchanged, outcome.conflicts])}
          {outcome.unreadable.map((file) => (
            <details key={file.sha256}>
              <summary>{t('ledgerUnreadable', [file.name, file.errors.length])}</summary>
              <ul>
                {file.errors.slice(0, 20).map((error) => (
                  <li key={error.line}>{t('ledgerErrorLine', [error.line, error.message])}</li>
                ))}
              </ul>
            </details>
          ))}
        </Notice>
      )}
      {conflicts.length > 0 && (
        <Notice tone="warning" title={t('ledgerConflictsTitle')}>
          <ul>
            {conflicts.flatMap((file) =>
              file.conflictsWith.map((c) => (
                <li key={`${file.sha256}-${c.settlementId}`}>
                  {t('ledgerConflict', [file.name, c.settlementId, c.name])}
                </li>
              )),
            )}
          </ul>
        </Notice>
      )}
      {openedListed ? (
        <SettlementDetail
          listed={openedListed}
          series={series.find((s) => s.currency === openedListed.summary.currency)}
          focusLine={opened?.line}
          onBack={() => setOpened(undefined)}
          onSearch={(text) => {
            returnFocus.current = 'search';
            setOpened(undefined);
            void search(text);
          }}
        />
      ) : (
        <>
          {!lines && (
            <p class="hint" role="status">
              {t('loading')}
            </p>
          )}
          {lines?.length === 0 && <p class="hint">{t('ledgerEmpty')}</p>}
          {settlements && settlements.length > 0 && (
            <div class="card-actions">
              <button
                type="button"
                onClick={() =>
                  saveTextFile(
                    settlementSummaryCsv(settlements),
                    `report-courier-settlements-${new Date().toISOString().slice(0, 10)}.csv`,
                  )
                }
              >
                {t('ledgerExportSummary')}
              </button>
              <button type="button" onClick={() => print()}>
                {t('ledgerPrint')}
              </button>
            </div>
          )}
          {lines && lines.length > 0 && (
            <SettlementList lines={lines} onOpen={(settlementId, currency) => open({ settlementId, currency })} />
          )}
          {chartsShown && series.length > 0 && <PayoutCharts series={series} />}
          <LedgerSearch
            query={query}
            result={result}
            onQuery={(text) => void search(text)}
            onPage={(offset) => void search(query, offset)}
            onOpen={(settlementId, currency, line) => open({ settlementId, currency, line })}
          />
        </>
      )}
    </div>
  );
}
