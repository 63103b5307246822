import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { accountDescription, AccountPicker, EnvironmentBadge } from '@/components/AccountPicker';
import { KeyStorageNotice } from '@/components/KeyStorageNotice';
import { Notice } from '@/components/Notice';
import { ReportsPanel } from '@/components/ReportsPanel';
import { toSerialized } from '@/components/hooks/useReportListing';
import { t } from '@/utils/i18n';
import { sendMessage } from '@/utils/messaging/client';
import type { AccountView, SerializedError } from '@/utils/messaging/protocol';
import { errorText } from '@/utils/views/error-text';

const openSettings = () => void browser.runtime.openOptionsPage();

export function App() {
  const [accounts, setAccounts] = useState<AccountView[]>();
  const [selectedId, setSelectedId] = useState<string>();
  const [error, setError] = useState<SerializedError>();

  useEffect(() => {
    sendMessage('listAccounts', {})
      .then((r) => { setAccounts(r.accounts); setSelectedId(r.selectedId ?? r.accounts[0]?.id); })
      .catch((e) => setError(toSerialized(e)));
  }, []);

  const select = (id: string) => {
    setSelectedId(id);
    void sendMessage('selectAccount', { accountId: id });
  };
  const account = accounts?.find((a) => a.id === selectedId);

  return (
    <main class="popup">
      <header class="header">
        <h1>{t('appTitle')}</h1>
        {account && <EnvironmentBadge account={account} />}
        <button type="button" class="secondary" onClick={openSettings}>{t('openSettings')}</button>
      </header>
      <KeyStorageNotice />
      {error && <Notice tone="error" title={t('errorTitle')}>{errorText(error)}</Notice>}
      {accounts && accounts.length === 0 && (
        <Notice tone="info" title={t('welcomeTitle')} action={{ label: t('welcomeAction'), onClick: openSettings }}>
          {t('welcomeBody')}
        </Notice>
      )}
      {accounts && account && (
        <>
          {accounts.length > 1
            ? <AccountPicker accounts={accounts} selectedId={account.id} onSelect={select} />
            : <p class="report-meta">{accountDescription(account)}</p>}
          <ReportsPanel key={account.id} account={account} onOpenSettings={openSettings} />
        </>
      )}
    </main>
  );
}
