import { useEffect, useState } from 'preact/hooks';
import { useRequest } from '@/components/hooks/useRequest';
import { EnvironmentBadge, regionName } from '@/components/AccountPicker';
import { Notice } from '@/components/Notice';
import { t } from '@/utils/i18n';
import { sendMessage, toSerialized } from '@/utils/messaging/client';
import type { AccountView, ConnectionVerdict } from '@/utils/messaging/protocol';
import { errorText } from '@/utils/views/error-text';
import { formatDateTime } from '@/utils/views/format';
import { ConnectionResult } from './ConnectionResult';

interface Props {
  account: AccountView;
  /** Whether the browser keeps the key store under disk pressure; undefined when it cannot say. */
  keyStorePersistent?: boolean;
  onEdit(): void;
  onRemoved(message: string): void;
}

export function AccountCard({ account, keyStorePersistent, onEdit, onRemoved }: Props) {
  const [verdict, setVerdict] = useState<ConnectionVerdict>();
  const [testing, setTesting] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const { error: failure, fail, clear } = useRequest();
  const [settlements, setSettlements] = useState<{ own: number; shared: number }>();
  const [dropSettlements, setDropSettlements] = useState(false);

  useEffect(() => {
    if (!confirming) return;
    let live = true;
    setDropSettlements(false);
    sendMessage('accountSettlements', { accountId: account.id })
      .then((counts) => {
        if (live) setSettlements(counts);
      })
      .catch((e) => {
        if (live) fail(e);
      });
    return () => {
      live = false;
    };
  }, [confirming, account.id, fail]);

  const test = () => {
    setTesting(true);
    setVerdict(undefined);
    sendMessage('testConnection', { accountId: account.id })
      .then(setVerdict)
      .catch((e) => setVerdict({ ok: false, error: toSerialized(e) }))
      .finally(() => setTesting(false));
  };
  const remove = () => {
    clear();
    sendMessage('removeAccount', { accountId: account.id, dropSettlements })
      .then((r) => {
        const said = [t(r.keyDeleted ? 'accountRemoved' : 'accountRemovedKeyLeft', account.label)];
        if (r.historyKept > 0) said.push(t('accountHistoryKept', r.historyKept));
        if (r.settlementsDropped > 0) said.push(t('accountSettlementsDropped', r.settlementsDropped));
        if (r.settlementsKept > 0) said.push(t('accountSettlementsKept', r.settlementsKept));
        onRemoved(said.join(' '));
      })
      .catch(fail);
  };

  return (
    <article class="card" aria-label={account.label} data-account-id={account.id}>
      <h3>
        {account.label} <EnvironmentBadge account={account} />
      </h3>
      <div class="hint">
        {regionName(account.region)} · {account.algorithm}
      </div>
      <div class="hint">
        {t('publicKeyId')}: <span class="fingerprint">{account.publicKeyId}</span>
      </div>
      {account.hasKey ? (
        <div class="hint">
          {t('keyStored', account.keyAddedAt ? formatDateTime(account.keyAddedAt) : '')}
          {account.keyFingerprint && (
            <>
              {' '}
              · {t('keyFingerprint')} <span class="fingerprint">{account.keyFingerprint}</span>
            </>
          )}
        </div>
      ) : (
        <div class="invalid">{t('keyMissingTitle')}</div>
      )}
      {account.hasKey && keyStorePersistent !== undefined && (
        <div class={keyStorePersistent ? 'hint' : 'invalid'}>
          {t(keyStorePersistent ? 'keyStorePersistent' : 'keyStoreNotPersistent')}
        </div>
      )}
      <div class="card-actions">
        <button type="button" class="primary" disabled={testing} onClick={test}>
          {testing ? t('testingConnection') : t('testConnection')}
        </button>
        <button type="button" onClick={onEdit}>
          {t('edit')}
        </button>
        {confirming ? (
          <>
            <button type="button" class="danger" onClick={remove}>
              {t('confirmRemove')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('cancel')}
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            {t('remove')}
          </button>
        )}
      </div>
      {confirming && (
        <p class="hint" role="status">
          {t('removeWarning')}
        </p>
      )}
      {confirming && settlements && settlements.own > 0 && (
        <label class="hint">
          <input
            type="checkbox"
            checked={dropSettlements}
            onChange={(e) => setDropSettlements(e.currentTarget.checked)}
          />{' '}
          {t('removeDropSettlements', settlements.own)}
        </label>
      )}
      {confirming && settlements && settlements.shared > 0 && (
        <p class="hint">{t('removeSettlementsShared', settlements.shared)}</p>
      )}
      {failure && <Notice tone="error">{errorText(failure)}</Notice>}
      {verdict && (
        <div aria-live="polite">
          <ConnectionResult verdict={verdict} />
        </div>
      )}
    </article>
  );
}
