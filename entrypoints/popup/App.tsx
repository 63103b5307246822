import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { accountDescription, AccountPicker, EnvironmentBadge } from '@/components/AccountPicker';
import { KeyStorageNotice } from '@/components/KeyStorageNotice';
import { Notice } from '@/components/Notice';
import { ReportsPanel } from '@/components/ReportsPanel';
import { toSerialized } from '@/components/hooks/useReportListing';
import { t } from '@/utils/i18n';
import { sendMessage } from '@/utils/messaging/client';
import type { AccountView, ReportListing, SerializedError } from '@/utils/messaging/protocol';
import { errorText } from '@/utils/views/error-text';

const openSettings = () => void browser.runtime.openOptionsPage();

export interface Startup {
  accounts: Promise<{ accounts: AccountView[]; selectedId?: string }>;
  /** The remembered account's cached list, asked for alongside the accounts so the first row needs one round trip. */
  cachedListing: Promise<ReportListing | undefined>;
}

/** Both first questions leave at once, before anything renders. */
export function startPopup(): Startup {
  return {
    accounts: sendMessage('listAccounts', {}),
    cachedListing: sendMessage('listReports', { mode: 'cached' }).catch(() => undefined),
  };
}

export function App({ startup }: { startup: Startup }) {
  const [accounts, setAccounts] = useState<AccountView[]>();
  const [selectedId, setSelectedId] = useState<string>();
  const [initialListing, setInitialListing] = useState<ReportListing>();
  const [error, setError] = useState<SerializedError>();

  useEffect(() => {
    Promise.all([startup.accounts, startup.cachedListing])
      .then(([r, listing]) => {
        setInitialListing(listing);
        setAccounts(r.accounts);
        setSelectedId(r.selectedId ?? r.accounts[0]?.id);
      })
      .catch((e) => setError(toSerialized(e)));
  }, [startup]);

  const select = (id: string) => {
    setSelectedId(id);
    // The popup shows the chosen account either way; a failure only means it is not remembered for next time.
    sendMessage('selectAccount', { accountId: id }).catch((e) => setError(toSerialized(e)));
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
          <ReportsPanel key={account.id} account={account} initialListing={initialListing} onOpenSettings={openSettings} />
        </>
      )}
    </main>
  );
}
