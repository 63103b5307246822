import type { ComponentChildren } from 'preact';
import { useRequest } from '@/components/hooks/useRequest';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { Notice } from '@/components/Notice';
import { sendMessage } from '@/utils/messaging/client';
import { t } from '@/utils/i18n';
import type { AccountView, SerializedError } from '@/utils/messaging/protocol';
import { errorText } from '@/utils/views/error-text';

interface ViewProps {
  accounts?: AccountView[];
  error?: SerializedError;
  onRetry?(): void;
  children(accounts: AccountView[]): ComponentChildren;
}

/** The sections below need at least one account; without one they point to where it is added. */
export function AccountGateView({ accounts, error, onRetry, children }: ViewProps) {
  if (error) {
    const action = onRetry && { label: t('retry'), onClick: onRetry };
    return (
      <Notice tone="error" title={t('accountsLoadFailed')} action={action}>
        {errorText(error)}
      </Notice>
    );
  }
  if (!accounts)
    return (
      <p class="hint" role="status">
        {t('loading')}
      </p>
    );
  if (accounts.length === 0) {
    return (
      <Notice tone="info" title={t('noAccountsTitle')}>
        <a href="#accounts">{t('noAccountsAction')}</a>
      </Notice>
    );
  }
  return <>{children(accounts)}</>;
}

export function AccountGate({ children }: Pick<ViewProps, 'children'>) {
  const [accounts, setAccounts] = useState<AccountView[]>();
  const { error, fail, clear } = useRequest();
  const load = useCallback(() => {
    clear();
    sendMessage('listAccounts', {})
      .then((r) => setAccounts(r.accounts))
      .catch(fail);
  }, [clear, fail]);
  useEffect(load, [load]);
  return (
    <AccountGateView accounts={accounts} error={error} onRetry={load}>
      {children}
    </AccountGateView>
  );
}
