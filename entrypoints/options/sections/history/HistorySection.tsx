import { useEffect, useMemo, useState } from 'preact/hooks';
import { useRequest } from '@/components/hooks/useRequest';
import { Notice } from '@/components/Notice';
import { sendMessage } from '@/utils/messaging/client';
import { t } from '@/utils/i18n';
import type { AccountView, HistoryView } from '@/utils/messaging/protocol';
import { errorText } from '@/utils/views/error-text';
import { AccountPicker } from '@/components/AccountPicker';
import { AccountGate } from '../../AccountGate';
import { historyCsv, newestFirst, searchEntries } from '@/utils/downloads/history-csv';
import { saveTextFile } from '@/utils/views/save-file';
import { HistoryTable } from './HistoryTable';

export function HistorySection() {
  return <AccountGate>{(accounts) => <AccountHistory accounts={accounts} />}</AccountGate>;
}

function AccountHistory({ accounts }: { accounts: AccountView[] }) {
  const [accountId, setAccountId] = useState(accounts[0]!.id);
  const [entries, setEntries] = useState<HistoryView[]>();
  const { error, fail, clear } = useRequest();
  const [search, setSearch] = useState('');

  useEffect(() => {
    let live = true;
    setEntries(undefined);
    clear();
    sendMessage('getHistory', { accountId })
      .then((r) => {
        if (live) setEntries(newestFirst(r.entries));
      })
      .catch((e) => {
        if (live) fail(e);
      });
    return () => {
      live = false;
    };
  }, [accountId, clear, fail]);

  const shown = useMemo(() => searchEntries(entries ?? [], search), [entries, search]);
  const account = accounts.find((a) => a.id === accountId)!;
  const exportCsv = () => {
    const day = new Date().toISOString().slice(0, 10);
    const name = account.label.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
    saveTextFile(
      historyCsv(shown, () => account.label),
      `report-courier-history-${name}-${day}.csv`,
    );
  };

  return (
    <div>
      <p class="hint">{t('historyIntro')}</p>
      <AccountPicker
        labelled
        accounts={accounts}
        selectedId={accountId}
        onSelect={(id) => {
          setAccountId(id);
          setSearch('');
        }}
      />
      {error && (
        <Notice tone="error" title={t('historyFailed')}>
          {errorText(error)}
        </Notice>
      )}
      {!entries && !error && (
        <p class="hint" role="status">
          {t('loading')}
        </p>
      )}
      {entries && (
        <HistoryTable
          entries={shown}
          totalCount={entries.length}
          search={search}
          onSearch={setSearch}
          onExport={exportCsv}
        />
      )}
    </div>
  );
}
