import { t } from '@/utils/i18n';
import type { HistoryView as Entry } from '@/utils/messaging/protocol';
import { formatBytes, formatDateTime, reportTypeName } from '@/utils/views/format';

interface Props {
  entries: Entry[];
  /** All entries of the account, before the search: tells "nothing yet" from "nothing matches". */
  totalCount: number;
  search: string;
  onSearch(text: string): void;
  onExport(): void;
}

/** What this browser has archived for one account: searchable, exportable. */
export function HistoryTable({ entries, totalCount, search, onSearch, onExport }: Props) {
  return (
    <div>
      <div class="toolbar history-toolbar">
        <label class="field">
          {t('historySearch')}
          <input
            type="search"
            value={search}
            placeholder={t('historySearchHint')}
            onInput={(e) => onSearch(e.currentTarget.value)}
          />
        </label>
        <span role="status">{t('historyCount', [entries.length, totalCount])}</span>
        <button type="button" disabled={entries.length === 0} onClick={onExport}>
          {t('historyExport')}
        </button>
      </div>
      {entries.length === 0 ? (
        <p class="empty">{totalCount === 0 ? t('historyEmpty') : t('historyNoMatch')}</p>
      ) : (
        <div class="table-scroll">
          <table class="data history" aria-label={t('historyTableLabel')}>
            <thead>
              <tr>
                <th scope="col">{t('columnDownloaded')}</th>
                <th scope="col">{t('columnReport')}</th>
                <th scope="col">{t('columnFile')}</th>
                <th scope="col" class="num">
                  {t('columnSize')}
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.reportId} data-report-id={e.reportId}>
                  <td class="nowrap">{formatDateTime(e.downloadedAt)}</td>
                  <td>
                    {reportTypeName(e.reportType)} <span class="report-id">{e.reportId}</span>
                  </td>
                  <td class="file" title={e.finalPath}>
                    {fromArchiveFolder(e.finalPath)}
                  </td>
                  <td class="num">{formatBytes(e.bytes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

/** From the archive's own folder on: the download folder before it is the same on every row (the tooltip has it all). */
export function fromArchiveFolder(path: string): string {
  const at = path.search(/(^|[\\/])AmazonPay[\\/]/);
  return at < 0 ? path : path.slice(at).replace(/^[\\/]/, '');
}
