import { useLayoutEffect, useState } from 'preact/hooks';
import { useRequest } from '@/components/hooks/useRequest';
import { browser } from 'wxt/browser';
import { accountDescription, AccountPicker, EnvironmentBadge } from '@/components/AccountPicker';
import { KeyStorageNotice } from '@/components/KeyStorageNotice';
import { Notice } from '@/components/Notice';
import { ReportsPanel } from '@/components/ReportsPanel';
import { sendMessage } from '@/utils/messaging/client';
import { t } from '@/utils/i18n';
import { errorText } from '@/utils/views/error-text';
import { readLastPayout, type LastPayout as Payout } from '@/utils/views/last-payout';
import type { PopupStart } from '@/utils/views/popup-start';
import { LastPayout } from './LastPayout';

const openSettings = () => void browser.runtime.openOptionsPage();

export interface AppProps {
  start: Promise<PopupStart>;
  /** Called in the commit that first shows what was read (or why it could not be): the page's first paint goes then. */
  onShown?: () => void;
  /** The ledger's newest payout, read after the first rows are painted. */
  readPayout?: () => Promise<Payout | undefined>;
}

export function App({ start, onShown, readPayout = readLastPayout }: AppProps) {
  const [popup, setPopup] = useState<PopupStart>();
  const { error, fail } = useRequest();

  // Before the first paint, not after it: the rows render as soon as the storage reads are in.
  useLayoutEffect(() => {
    start.then(setPopup).catch(fail);
  }, [start, fail]);

  const shown = Boolean(popup ?? error);
  useLayoutEffect(() => {
    if (shown) onShown?.();
  }, [shown, onShown]);

  const select = (id: string) => {
    // What was read at start describes the first account only, and the filters only until they are changed.
    setPopup((current) => current && { accounts: current.accounts, selectedId: id });
    // The popup shows the chosen account either way; a failure only means it is not remembered for next time.
    sendMessage('selectAccount', { accountId: id }).catch(fail);
  };
  const accounts = popup?.accounts;
  const account = accounts?.find((a) => a.id === popup?.selectedId) ?? accounts?.[0];

  return (
    <main class="popup">
      <header class="header">
        <h1>{t('appTitle')}</h1>
        {account && <EnvironmentBadge account={account} />}
        <button type="button" class="secondary" onClick={openSettings}>
          {t('openSettings')}
        </button>
      </header>
      <KeyStorageNotice />
      {error && (
        <Notice tone="error" title={t('errorTitle')}>
          {errorText(error)}
        </Notice>
      )}
      {accounts && accounts.length === 0 && (
        <Notice tone="info" title={t('welcomeTitle')} action={{ label: t('welcomeAction'), onClick: openSettings }}>
          {t('welcomeBody')}
        </Notice>
      )}
      {accounts && account && (
        <>
          {accounts.length > 1 ? (
            <AccountPicker accounts={accounts} selectedId={account.id} onSelect={select} />
          ) : (
            <p class="report-meta">{accountDescription(account)}</p>
          )}
          <ReportsPanel
            key={account.id}
            account={account}
            initialListing={popup.listing}
            initialFilters={popup.filters}
            onOpenSettings={openSettings}
          />
        </>
      )}
      {popup && <LastPayout read={readPayout} />}
    </main>
  );
}
