import { useCallback, useEffect, useState } from 'preact/hooks';
import { useRequest } from '@/components/hooks/useRequest';
import { Notice } from '@/components/Notice';
import { t } from '@/utils/i18n';
import { keyStorePersisted } from '@/utils/keys/persistence';
import { sendMessage } from '@/utils/messaging/client';
import type { AccountView } from '@/utils/messaging/protocol';
import { errorText } from '@/utils/views/error-text';
import { AccountCard } from './AccountCard';
import { AccountForm } from './AccountForm';

type Mode = { kind: 'list' } | { kind: 'add' } | { kind: 'edit'; account: AccountView };

export function AccountsSection() {
  const [accounts, setAccounts] = useState<AccountView[]>();
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [notice, setNotice] = useState<string>();
  const [keyStorePersistent, setKeyStorePersistent] = useState<boolean>();
  const { error: failure, fail, clear } = useRequest();

  const reload = useCallback(() => {
    void keyStorePersisted().then(setKeyStorePersistent, () => setKeyStorePersistent(undefined));
    clear();
    sendMessage('listAccounts', {})
      .then((r) => {
        setAccounts(r.accounts);
        if (r.accounts.length === 0) setMode((m) => (m.kind === 'list' ? { kind: 'add' } : m));
      })
      .catch(fail);
  }, [clear, fail]);
  useEffect(reload, [reload]);

  const done = (message: string) => {
    setNotice(message);
    setMode({ kind: 'list' });
    reload();
  };

  return (
    <div>
      <p class="hint">{t('accountsIntro')}</p>
      {notice && <Notice tone="info">{notice}</Notice>}
      {failure && (
        <Notice tone="error" title={t('errorTitle')} action={{ label: t('retry'), onClick: reload }}>
          {errorText(failure)}
        </Notice>
      )}
      {mode.kind === 'add' && <AccountForm onDone={done} onCancel={() => setMode({ kind: 'list' })} />}
      {mode.kind === 'edit' && (
        <AccountForm existing={mode.account} onDone={done} onCancel={() => setMode({ kind: 'list' })} />
      )}
      {mode.kind === 'list' && (
        <button
          type="button"
          class="primary"
          onClick={() => {
            setNotice(undefined);
            setMode({ kind: 'add' });
          }}
        >
          {t('addAccount')}
        </button>
      )}
      {accounts?.map((account) => (
        <AccountCard
          key={account.id}
          account={account}
          keyStorePersistent={keyStorePersistent}
          onEdit={() => setMode({ kind: 'edit', account })}
          onRemoved={done}
        />
      ))}
    </div>
  );
}
