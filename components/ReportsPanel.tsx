import { useMemo, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { sendMessage } from '@/utils/messaging/client';
import type { AccountView, ReportListing, SerializedError } from '@/utils/messaging/protocol';
import { errorText } from '@/utils/views/error-text';
import { formatUpdated } from '@/utils/views/format';
import { applyFilters, choicesOnly, expiringUnarchived, type ReportFilters } from '@/utils/views/report-filters';
import { BulkBar } from './BulkBar';
import { Filters } from './Filters';
import { useDownloads } from './hooks/useDownloads';
import { useReportListing } from './hooks/useReportListing';
import { useRequest } from './hooks/useRequest';
import { useRememberedFilters } from './hooks/useRememberedFilters';
import { Notice } from './Notice';
import { ReportList } from './ReportList';

/** Below this, an offset is ordinary drift; above it, other software on the machine will trip over it too. */
const CLOCK_NOTICE_SECONDS = 5;

interface Props {
  /** Only the id is read: the Seller Central panel is never told more about an account. */
  account: Pick<AccountView, 'id'>;
  onOpenSettings(): void;
  /** In a content script, which may only list and download: no snapshot, no cancel, no "show in folder", no "download again". */
  listAndDownloadOnly?: boolean;
  /** The cached listing and the remembered filters, when the view already has them: the first render shows rows. */
  initialListing?: ReportListing;
  initialFilters?: ReportFilters;
  now?: () => number;
}

/** Everything about one account's reports: the list, its filters and its downloads. */
export function ReportsPanel({
  account,
  onOpenSettings,
  listAndDownloadOnly = false,
  initialListing,
  initialFilters,
  now = Date.now,
}: Props) {
  const { listing, refreshing, error, refresh } = useReportListing(account.id, initialListing);
  const { jobsByReport, batches } = useDownloads(account.id, { snapshot: !listAndDownloadOnly });
  const [remembered, setFilters] = useRememberedFilters(initialFilters);
  // A page sees every key typed in the panel, so it offers no text fields; the popup's search is kept for the popup.
  const filters = remembered && listAndDownloadOnly ? choicesOnly(remembered) : remembered;
  const changeFilters = (next: ReportFilters) =>
    setFilters(listAndDownloadOnly ? { ...next, search: remembered?.search ?? '' } : next);
  const [batchId, setBatchId] = useState<string>();
  const { error: actionError, fail, clear } = useRequest();

  const reports = useMemo(() => listing?.reports ?? [], [listing]);
  const shown = useMemo(() => (filters ? applyFilters(reports, filters, now()) : []), [reports, filters, now]);
  const availableTypes = useMemo(() => [...new Set(reports.map((r) => r.reportType))].sort(), [reports]);
  const expiring = useMemo(() => expiringUnarchived(reports, now()), [reports, now]);
  const downloadable = shown.filter((r) => r.processingStatus === 'COMPLETED');

  const download = (reportIds: string[], force = false) => {
    clear();
    sendMessage('downloadReports', { accountId: account.id, reportIds, force })
      .then((r) => setBatchId(r.batchId))
      .catch(fail);
  };
  const cancel = (id: string) => void sendMessage('cancelDownloads', { batchId: id }).catch(fail);
  const show = (downloadId: number) => void sendMessage('showDownload', { downloadId }).catch(fail);

  const problem = error ?? listing?.refreshError;
  return (
    <section class="panel" aria-busy={refreshing}>
      <div class="toolbar">
        <span class="updated" role="status">
          {refreshing ? t('refreshing') : formatUpdated(listing?.fetchedAt ?? null, now())}
        </span>
        <button type="button" class="secondary" onClick={refresh} disabled={refreshing}>
          {t('refresh')}
        </button>
      </div>
      {problem && <ProblemNotice error={problem} onOpenSettings={onOpenSettings} />}
      {actionError && <Notice tone="error">{errorText(actionError)}</Notice>}
      {Math.abs(listing?.clockSkewSeconds ?? 0) >= CLOCK_NOTICE_SECONDS && (
        <Notice tone="warning">{t('clockOffNotice', Math.abs(listing!.clockSkewSeconds!))}</Notice>
      )}
      {expiring.length > 0 && (
        <Notice
          tone="warning"
          action={{ label: t('archiveNow'), onClick: () => download(expiring.map((r) => r.reportId)) }}
        >
          {t('expiringSoon', expiring.length)}
        </Notice>
      )}
      {filters && (
        <Filters
          filters={filters}
          availableTypes={availableTypes}
          onChange={changeFilters}
          typing={!listAndDownloadOnly}
        />
      )}
      <BulkBar
        downloadable={downloadable.length}
        batch={batchId ? batches.get(batchId) : undefined}
        onDownloadAll={() => download(downloadable.map((r) => r.reportId))}
        onCancel={listAndDownloadOnly ? undefined : cancel}
      />
      {listing && (
        <ReportList
          reports={shown}
          jobs={jobsByReport}
          emptyText={reports.length === 0 ? t('noReportsYet') : t('noReports')}
          onDownload={(id, force) => download([id], force)}
          onShow={listAndDownloadOnly ? undefined : show}
          downloadAgain={!listAndDownloadOnly}
        />
      )}
    </section>
  );
}

function ProblemNotice({ error, onOpenSettings }: { error: SerializedError; onOpenSettings(): void }) {
  const inSettings = ['key-missing', 'unauthorized', 'signature-mismatch', 'clock-skew'].includes(error.code);
  if (error.code === 'key-missing') {
    return (
      <Notice tone="error" title={t('keyMissingTitle')} action={{ label: t('fixInSettings'), onClick: onOpenSettings }}>
        {t('keyMissingBody')}
      </Notice>
    );
  }
  return (
    <Notice
      tone="error"
      title={t('refreshFailedTitle')}
      action={inSettings ? { label: t('fixInSettings'), onClick: onOpenSettings } : undefined}
    >
      {errorText(error)}
    </Notice>
  );
}
