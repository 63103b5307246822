import { useState } from 'preact/hooks';
import { Notice } from '@/components/Notice';
import { useRequest } from '@/components/hooks/useRequest';
import { AccountPicker } from '@/components/AccountPicker';
import type { CsvColumnMapping } from '@/utils/bank/csv-statement';
import { type ChosenFile, importStatements, type StatementImport } from '@/utils/bank/import-statement';
import { t } from '@/utils/i18n';
import type { AccountView } from '@/utils/messaging/protocol';
import { toSerialized } from '@/utils/messaging/client';
import { errorText } from '@/utils/views/error-text';
import { AccountGate } from '../../AccountGate';
import { CsvMappingForm } from './CsvMappingForm';
import { MatchView } from './MatchView';
import { useBankMatch } from './useBankMatch';

/** Bank statements in, payouts matched to settlements, decisions kept. */
export function BankPanel({ accounts }: { accounts: AccountView[] }) {
  const [accountId, setAccountId] = useState(accounts[0]!.id);
  const account = accounts.find((a) => a.id === accountId) ?? accounts[0]!;
  const bank = useBankMatch(account);
  const { busy, error, run } = useRequest();
  const [outcome, setOutcome] = useState<StatementImport>();
  const [needsMapping, setNeedsMapping] = useState<ChosenFile[]>();
  const fetching = useRequest();

  const importFiles = (files: ChosenFile[], mapping?: CsvColumnMapping) => {
    setOutcome(undefined);
    return run(async () => {
      try {
        setOutcome(await importStatements(account.id, files, mapping));
        setNeedsMapping(undefined);
        await bank.refresh();
      } catch (caught) {
        // A CSV without a column mapping is a question to the merchant, not a failure.
        if (toSerialized(caught).details?.reason !== 'csv without mapping') throw caught;
        setNeedsMapping(files);
      }
    });
  };
  const choose = async (list: FileList | null) => {
    const files = await Promise.all(
      [...(list ?? [])].map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
    );
    if (files.length > 0) void importFiles(files);
  };

  return (
    <div class="bank">
      <AccountPicker accounts={accounts} selectedId={account.id} onSelect={setAccountId} labelled />
      <label class="field">
        {t('bankImportFiles')}
        <input
          type="file"
          multiple
          accept=".xml,.zip,.sta,.mt940,.txt,.csv"
          disabled={busy}
          onChange={(e) => void choose(e.currentTarget.files)}
        />
      </label>
      <p class="hint">{t('bankImportHint')}</p>
      {busy && <p role="status">{t('bankImporting')}</p>}
      {error && (
        <Notice tone="error" title={t('bankImportFailed')}>
          {errorText(error)}
        </Notice>
      )}
      {outcome && (
        <Notice tone="info">
          {t('bankImported', [outcome.files, outcome.added, outcome.duplicates, outcome.notBooked])}
        </Notice>
      )}
      {needsMapping && (
        <CsvMappingForm
          fileName={needsMapping.map((f) => f.name).join(', ')}
          onMapping={(mapping) => void importFiles(needsMapping, mapping)}
          onCancel={() => setNeedsMapping(undefined)}
        />
      )}
      <div class="card-actions">
        <button
          type="button"
          disabled={fetching.busy}
          onClick={() => void fetching.run(async () => t('bankFetchedPayouts', await bank.fetchPayouts()))}
        >
          {t('bankFetchPayouts')}
        </button>
      </div>
      <p class="hint">{t('bankFetchPayoutsHint')}</p>
      {fetching.busy && <p role="status">{t('bankFetchingPayouts')}</p>}
      {fetching.error && (
        <Notice tone="error" title={t('bankFetchFailed')}>
          {errorText(fetching.error)}
        </Notice>
      )}
      {fetching.notice && <Notice tone="info">{fetching.notice}</Notice>}
      {bank.match ? (
        <MatchView match={bank.match} onDecide={(d) => void bank.decide(d)} onExport={bank.exportCsv} />
      ) : (
        <p class="hint" role="status">
          {t('loading')}
        </p>
      )}
    </div>
  );
}

export function BankSection() {
  return (
    <div>
      <p class="hint">{t('bankIntro')}</p>
      <AccountGate>{(accounts) => <BankPanel accounts={accounts} />}</AccountGate>
    </div>
  );
}
