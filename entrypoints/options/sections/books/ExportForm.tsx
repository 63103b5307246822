import { useEffect, useState } from 'preact/hooks';
import { Notice } from '@/components/Notice';
import { useRequest } from '@/components/hooks/useRequest';
import type { Granularity } from '@/utils/books/bookings';
import { validateDatevSettings } from '@/utils/books/datev-settings';
import { type DateOrder, defaultDateOrder } from '@/utils/books/descriptions';
import { EXPORT_FORMATS, type ExportFormat, lastFullMonth, runExport } from '@/utils/books/export-run';
import type { ExportResult } from '@/utils/books/export-types';
import { sellerSettlements } from '@/utils/books/ledger-source';
import { t, type MessageKey } from '@/utils/i18n';
import type { AccountView } from '@/utils/messaging/protocol';
import { errorText } from '@/utils/views/error-text';
import { saveFile } from '@/utils/views/save-file';
import { ledgerDb } from '../settlements/ledger-db';
import { ExportOutcome } from './ExportOutcome';
import { problemText } from './problem-text';
import { useAccountBooks } from './useAccountBooks';

const FORMAT_LABEL: Record<ExportFormat, MessageKey> = {
  datev: 'exportFormatDatev',
  xero: 'exportFormatXero',
  quickbooks: 'exportFormatQuickBooks',
  generic: 'exportFormatGeneric',
  camt053: 'exportFormatCamt053',
};

/** The export's choices; the file is made in this page and handed to the browser's downloads. */
export function ExportForm({ accounts }: { accounts: AccountView[] }) {
  const [accountId, setAccountId] = useState(accounts[0]!.id);
  const account = accounts.find((a) => a.id === accountId) ?? accounts[0]!;
  const books = useAccountBooks(account);
  const [currency, setCurrency] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [format, setFormat] = useState<ExportFormat>('generic');
  const [granularity, setGranularity] = useState<Granularity>('detailed');
  const [dateOrder, setDateOrder] = useState<DateOrder>(defaultDateOrder(account.region));
  const { busy, error, run } = useRequest();
  const [result, setResult] = useState<ExportResult>();

  useEffect(() => {
    if (!books) return;
    const month = lastFullMonth(books.settings.timeZone, new Date());
    setFrom(month.from);
    setTo(month.to);
    setCurrency(books.currencies.includes('EUR') ? 'EUR' : (books.currencies[0] ?? ''));
    setDateOrder(defaultDateOrder(account.region));
  }, [books, account.region]);

  const exportFiles = (e: Event) => {
    e.preventDefault();
    if (!books || busy) return;
    setResult(undefined);
    void run(async () => {
      const settlements = await sellerSettlements(await ledgerDb(), books.settings.sellerId, currency);
      const choice = { format, currency, period: { from, to }, granularity, dateOrder };
      const made = runExport(settlements, account, books.settings, choice, new Date());
      for (const file of made.files) saveFile(file.bytes, file.name, file.mimeType);
      setResult(made);
    });
  };

  const datevProblems =
    error?.details?.reason === 'settings' && books ? validateDatevSettings(books.settings.datev).map(problemText) : [];
  return (
    <form class="form card books-export" noValidate onSubmit={exportFiles} aria-label={t('exportTitle')}>
      <label class="field">
        {t('exportAccount')}
        <select value={account.id} onChange={(e) => setAccountId(e.currentTarget.value)}>
          {accounts.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label}
            </option>
          ))}
        </select>
      </label>
      {!books ? (
        <p class="hint" role="status">
          {t('loading')}
        </p>
      ) : books.currencies.length === 0 ? (
        <Notice tone="info" title={t('exportNoSettlements')}>
          {books.settings.sellerId ? t('exportNoSettlementsFor', books.settings.sellerId) : t('exportNoSeller')}{' '}
          <a href="#accounting">{t('navAccounting')}</a> · <a href="#settlements">{t('navSettlements')}</a>
        </Notice>
      ) : (
        <>
          <label class="field">
            {t('exportCurrency')}
            <select value={currency} onChange={(e) => setCurrency(e.currentTarget.value)}>
              {books.currencies.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          </label>
          <div class="period">
            <label class="field">
              {t('exportFrom')}
              <input type="date" value={from} required onInput={(e) => setFrom(e.currentTarget.value)} />
            </label>
            <label class="field">
              {t('exportTo')}
              <input type="date" value={to} required onInput={(e) => setTo(e.currentTarget.value)} />
            </label>
          </div>
          <p class="hint">{t('exportPeriodHint', books.settings.timeZone)}</p>
          <fieldset>
            <legend>{t('exportFormat')}</legend>
            <div class="choice">
              {EXPORT_FORMATS.map((f) => (
                <label key={f}>
                  <input type="radio" name="export-format" checked={format === f} onChange={() => setFormat(f)} />
                  {t(FORMAT_LABEL[f])}
                </label>
              ))}
            </div>
          </fieldset>
          {format !== 'generic' && (
            <fieldset>
              <legend>{t('exportGranularity')}</legend>
              <div class="choice">
                {(['detailed', 'summary'] as const).map((g) => (
                  <label key={g}>
                    <input
                      type="radio"
                      name="export-granularity"
                      checked={granularity === g}
                      onChange={() => setGranularity(g)}
                    />
                    {t(g === 'detailed' ? 'exportDetailed' : 'exportSummary')}
                  </label>
                ))}
              </div>
            </fieldset>
          )}
          {(format === 'xero' || format === 'quickbooks') && (
            <label class="field">
              {t('exportDateOrder')}
              <select value={dateOrder} onChange={(e) => setDateOrder(e.currentTarget.value as DateOrder)}>
                <option value="DD/MM/YYYY">{t('exportDayFirst')}</option>
                <option value="MM/DD/YYYY">{t('exportMonthFirst')}</option>
              </select>
            </label>
          )}
          <div class="card-actions">
            <button type="submit" class="primary" disabled={busy || !from || !to}>
              {t('exportRun')}
            </button>
          </div>
        </>
      )}
      {busy && <p role="status">{t('exportBusy')}</p>}
      {error && (
        <Notice tone="error" title={t('exportRefused')}>
          {errorText(error)}
          {datevProblems.length > 0 && (
            <ul>
              {datevProblems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
        </Notice>
      )}
      {result && <ExportOutcome result={result} />}
    </form>
  );
}
