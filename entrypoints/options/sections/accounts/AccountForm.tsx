import { useState } from 'preact/hooks';
import { useRequest } from '@/components/hooks/useRequest';
import { toSerialized, sendMessage } from '@/utils/messaging/client';
import { t } from '@/utils/i18n';
import { addAccount, giveAccountKey, replaceAccountKey, updateAccount } from '@/utils/accounts/setup';
import type { Account } from '@/utils/accounts/types';
import type { SignatureAlgorithm } from '@/utils/amazon-pay/signing';
import { checkPublicKeyId } from '@/utils/accounts/validation';
import { stageCandidateKey } from '@/utils/keys/candidate-key';
import type { AccountView, ConnectionVerdict } from '@/utils/messaging/protocol';
import { errorText } from '@/utils/views/error-text';
import { ConnectionResult } from './ConnectionResult';
import { KeySourceFieldset } from './KeySourceFieldset';
import { useAccountDraft } from './useAccountDraft';

interface Props {
  existing?: AccountView;
  onDone(message: string): void;
  onCancel(): void;
}

export function AccountForm({ existing, onDone, onCancel }: Props) {
  const draft = useAccountDraft(existing);
  const [label, setLabel] = useState(existing?.label ?? '');
  const [region, setRegion] = useState<Account['region']>(existing?.region ?? 'na');
  const [keyId, setKeyId] = useState(existing?.publicKeyId ?? '');
  const [legacyEnvironment, setLegacyEnvironment] = useState<Account['environment']>(existing?.environment ?? 'live');
  const [algorithm, setAlgorithm] = useState<SignatureAlgorithm>(existing?.algorithm ?? 'AMZN-PAY-RSASSA-PSS-V2');
  const [touched, setTouched] = useState(false);
  const { busy, error, run } = useRequest();
  /** The replacement key's failed test: the stored key still works until the merchant confirms. */
  const [failedTest, setFailedTest] = useState<ConnectionVerdict>();

  const keyCheck = checkPublicKeyId(keyId);
  const environment = keyCheck.ok ? (keyCheck.environment ?? legacyEnvironment) : legacyEnvironment;
  const valid = label.trim() !== '' && keyCheck.ok && draft.ready;
  const account = (): Account => ({
    id: draft.accountId,
    label: label.trim(),
    region,
    environment,
    publicKeyId: keyId.trim(),
    algorithm,
    createdAt: existing?.createdAt ?? new Date().toISOString(),
  });

  const finish = async (store: () => Promise<void>, message: string) => {
    await store();
    await draft.finish();
    onDone(message);
  };

  const storeAccount = async (): Promise<void> => {
    const saved = account();
    const chosen = draft.chosen;
    const newKey = chosen?.key && { key: chosen.key, fingerprint: chosen.fingerprint };
    if (!existing) return finish(() => addAccount(saved, newKey || undefined), t('accountAdded', saved.label));
    if (!newKey) return finish(() => updateAccount(saved), t('accountUpdated', saved.label));
    if (!existing.hasKey) return finish(() => giveAccountKey(saved, newKey), t('accountUpdated', saved.label));
    await stageCandidateKey(existing.id, newKey.key, newKey.fingerprint);
    const { region: r, environment: e, publicKeyId, algorithm: a } = saved;
    const verdict = await sendMessage('testConnection', {
      accountId: existing.id,
      candidate: { region: r, environment: e, publicKeyId, algorithm: a },
    }).catch((thrown: unknown): ConnectionVerdict => ({ ok: false, error: toSerialized(thrown) }));
    if (verdict.ok) return finish(() => replaceAccountKey(saved), t('keyReplaced', saved.label));
    setFailedTest(verdict);
  };

  const save = (e: Event) => {
    e.preventDefault();
    setTouched(true);
    setFailedTest(undefined);
    if (valid) void run(storeAccount);
  };
  const replaceAnyway = () =>
    void run(() => finish(() => replaceAccountKey(account()), t('keyReplaced', account().label)));
  const cancel = () =>
    void run(async () => {
      await draft.abandon();
      onCancel();
    });

  return (
    <form class="form card" noValidate onSubmit={save} aria-label={t(existing ? 'editAccount' : 'addAccount')}>
      <h3>{t(existing ? 'editAccount' : 'addAccount')}</h3>
      <div class="field">
        <label class="field">
          {t('accountName')}
          <input
            type="text"
            value={label}
            required
            aria-describedby="account-name-problem"
            aria-invalid={touched && !label.trim()}
            onInput={(e) => setLabel(e.currentTarget.value)}
          />
        </label>
        {touched && !label.trim() && (
          <span id="account-name-problem" class="invalid">
            {t('accountNameRequired')}
          </span>
        )}
      </div>
      <label class="field">
        {t('accountRegion')}
        <select value={region} onChange={(e) => setRegion(e.currentTarget.value as Account['region'])}>
          <option value="na">{t('regionNa')}</option>
          <option value="eu">{t('regionEu')}</option>
          <option value="jp">{t('regionJp')}</option>
        </select>
      </label>
      <KeySourceFieldset existing={existing} draft={draft} touched={touched} />
      <div class="field">
        <label class="field">
          {t('publicKeyId')}
          <input
            type="text"
            value={keyId}
            spellcheck={false}
            autocomplete="off"
            aria-describedby="public-key-id-help"
            aria-invalid={touched && !keyCheck.ok}
            onInput={(e) => setKeyId(e.currentTarget.value.toUpperCase())}
          />
        </label>
        {touched && !keyCheck.ok ? (
          <span id="public-key-id-help" class="invalid">
            {t('publicKeyIdInvalid')}
          </span>
        ) : (
          <span id="public-key-id-help" class="hint">
            {t('publicKeyIdHint')}
          </span>
        )}
      </div>
      {keyCheck.ok && keyCheck.environment === undefined && (
        <fieldset>
          <legend>{t('accountEnvironment')}</legend>
          <div class="choice">
            <label>
              <input
                type="radio"
                name="env"
                checked={legacyEnvironment === 'live'}
                onChange={() => setLegacyEnvironment('live')}
              />
              {t('envLive')}
            </label>
            <label>
              <input
                type="radio"
                name="env"
                checked={legacyEnvironment === 'sandbox'}
                onChange={() => setLegacyEnvironment('sandbox')}
              />
              {t('envSandbox')}
            </label>
          </div>
        </fieldset>
      )}
      {keyCheck.ok && keyCheck.environment && (
        <p class="hint">{t('environmentFromKey', t(keyCheck.environment === 'live' ? 'envLive' : 'envSandbox'))}</p>
      )}
      <label class="field">
        {t('signingAlgorithm')}
        <select value={algorithm} onChange={(e) => setAlgorithm(e.currentTarget.value as SignatureAlgorithm)}>
          <option value="AMZN-PAY-RSASSA-PSS-V2">{t('algorithmV2')}</option>
          <option value="AMZN-PAY-RSASSA-PSS">{t('algorithmV1')}</option>
        </select>
      </label>
      {failedTest && (
        <div aria-live="polite">
          <ConnectionResult verdict={failedTest} />
          <p class="hint">{t('keyReplaceTestFailed')}</p>
          <button type="button" class="danger" disabled={busy} onClick={replaceAnyway}>
            {t('keyReplaceAnyway')}
          </button>
        </div>
      )}
      {error && (
        <p class="invalid" role="alert">
          {errorText(error)}
        </p>
      )}
      <div class="card-actions">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('keyReplaceTesting') : t('saveAccount')}
        </button>
        <button type="button" disabled={busy} onClick={cancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
