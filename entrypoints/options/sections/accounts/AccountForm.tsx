import { useEffect, useState } from 'preact/hooks';
import { storage } from 'wxt/utils/storage';
import { t } from '@/utils/i18n';
import { saveAccountWithKey } from '@/utils/accounts/setup';
import { newAccountId } from '@/utils/accounts/store';
import type { Account, SigningAlgorithm } from '@/utils/accounts/types';
import { checkPublicKeyId } from '@/utils/accounts/validation';
import { saveKey } from '@/utils/keys/keystore';
import type { AccountView } from '@/utils/messaging/protocol';
import { KeyGenerate } from './KeyGenerate';
import { KeyImport, type ImportedKey } from './KeyImport';

type KeySource = 'keep' | 'generate' | 'import';

/** A generated key is stored at once, with this draft, so closing the page on the way to Integration Central loses nothing. */
interface Draft {
  accountId: string;
  publicKeyPem: string;
  fingerprint: string;
}
const draftItem = storage.defineItem<Draft | null>('local:accountDraft', { fallback: null });

interface Props {
  existing?: AccountView;
  onDone(message: string): void;
  onCancel(): void;
}

export function AccountForm({ existing, onDone, onCancel }: Props) {
  const [id, setId] = useState(existing?.id ?? newAccountId());
  const [label, setLabel] = useState(existing?.label ?? '');
  const [region, setRegion] = useState<Account['region']>(existing?.region ?? 'na');
  const [keyId, setKeyId] = useState(existing?.publicKeyId ?? '');
  const [legacyEnvironment, setLegacyEnvironment] = useState<Account['environment']>(existing?.environment ?? 'live');
  const [algorithm, setAlgorithm] = useState<SigningAlgorithm>(existing?.algorithm ?? 'AMZN-PAY-RSASSA-PSS-V2');
  const [source, setSource] = useState<KeySource>(existing?.hasKey ? 'keep' : 'generate');
  /** Imported keys wait here until Save; a generated key is already stored, so only its fingerprint is kept. */
  const [key, setKey] = useState<{ fingerprint: string; key?: CryptoKey }>();
  const [generatedPem, setGeneratedPem] = useState<string>();
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (existing) return;
    void draftItem.getValue().then((draft) => {
      if (!draft) return;
      setId(draft.accountId);
      setGeneratedPem(draft.publicKeyPem);
      setKey({ fingerprint: draft.fingerprint });
      setSource('generate');
    });
  }, []);

  const keyCheck = checkPublicKeyId(keyId);
  const environment = keyCheck.ok ? keyCheck.environment ?? legacyEnvironment : legacyEnvironment;
  const hasKey = source === 'keep' || Boolean(key);
  const valid = label.trim() !== '' && keyCheck.ok && hasKey;

  const onGenerated = async (generated: ImportedKey, pem: string) => {
    await saveKey(id, generated.key, { publicKeyFingerprint: generated.fingerprint });
    await draftItem.setValue({ accountId: id, publicKeyPem: pem, fingerprint: generated.fingerprint });
    setKey({ fingerprint: generated.fingerprint });
    setGeneratedPem(pem);
  };

  const save = async (e: Event) => {
    e.preventDefault();
    setTouched(true);
    if (!valid || !keyCheck.ok) return;
    const account: Account = {
      id, label: label.trim(), region, environment, publicKeyId: keyId.trim(), algorithm,
      createdAt: existing?.createdAt ?? new Date().toISOString(),
    };
    try {
      // A generated key is already stored; an imported one is stored now, with the account.
      await saveAccountWithKey(account, source === 'import' && key?.key ? { key: key.key, fingerprint: key.fingerprint } : undefined);
      if (source === 'generate') await draftItem.setValue(null);
      onDone(t(existing ? 'accountUpdated' : 'accountAdded', account.label));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <form class="form card" noValidate onSubmit={(e) => void save(e)} aria-label={t(existing ? 'editAccount' : 'addAccount')}>
      <h3>{t(existing ? 'editAccount' : 'addAccount')}</h3>
      <div class="field">
        <label class="field">
          {t('accountName')}
          <input type="text" value={label} required aria-describedby="account-name-problem" aria-invalid={touched && !label.trim()} onInput={(e) => setLabel(e.currentTarget.value)} />
        </label>
        {touched && !label.trim() && <span id="account-name-problem" class="invalid">{t('accountNameRequired')}</span>}
      </div>
      <label class="field">
        {t('accountRegion')}
        <select value={region} onChange={(e) => setRegion(e.currentTarget.value as Account['region'])}>
          <option value="na">{t('regionNa')}</option>
          <option value="eu">{t('regionEu')}</option>
          <option value="jp">{t('regionJp')}</option>
        </select>
      </label>
      <fieldset class="card">
        <legend>{t('privateKey')}</legend>
        <div class="choice">
          {existing?.hasKey && <label><input type="radio" name="source" checked={source === 'keep'} onChange={() => setSource('keep')} />{t('keyKeep')}</label>}
          <label><input type="radio" name="source" checked={source === 'generate'} onChange={() => setSource('generate')} />{t('keyGenerate')}</label>
          <label><input type="radio" name="source" checked={source === 'import'} onChange={() => { setSource('import'); setKey(undefined); }} />{t('keyImport')}</label>
        </div>
        {source === 'generate' && <KeyGenerate publicKeyPem={generatedPem} onGenerated={(k, pem) => void onGenerated(k, pem)} />}
        {source === 'import' && !key && <KeyImport onImported={setKey} />}
        {source === 'import' && key && <p class="hint">{t('keyReady')} <span class="fingerprint">{key.fingerprint}</span></p>}
        {touched && !hasKey && <span class="invalid">{t('keyRequired')}</span>}
      </fieldset>
      <div class="field">
        <label class="field">
          {t('publicKeyId')}
          <input type="text" value={keyId} spellcheck={false} autocomplete="off" aria-describedby="public-key-id-help" aria-invalid={touched && !keyCheck.ok} onInput={(e) => setKeyId(e.currentTarget.value.toUpperCase())} />
        </label>
        {touched && !keyCheck.ok
          ? <span id="public-key-id-help" class="invalid">{t('publicKeyIdInvalid')}</span>
          : <span id="public-key-id-help" class="hint">{t('publicKeyIdHint')}</span>}
      </div>
      {keyCheck.ok && keyCheck.environment === undefined && (
        <fieldset>
          <legend>{t('accountEnvironment')}</legend>
          <div class="choice">
            <label><input type="radio" name="env" checked={legacyEnvironment === 'live'} onChange={() => setLegacyEnvironment('live')} />{t('envLive')}</label>
            <label><input type="radio" name="env" checked={legacyEnvironment === 'sandbox'} onChange={() => setLegacyEnvironment('sandbox')} />{t('envSandbox')}</label>
          </div>
        </fieldset>
      )}
      {keyCheck.ok && keyCheck.environment && <p class="hint">{t('environmentFromKey', t(keyCheck.environment === 'live' ? 'envLive' : 'envSandbox'))}</p>}
      <label class="field">
        {t('signingAlgorithm')}
        <select value={algorithm} onChange={(e) => setAlgorithm(e.currentTarget.value as SigningAlgorithm)}>
          <option value="AMZN-PAY-RSASSA-PSS-V2">{t('algorithmV2')}</option>
          <option value="AMZN-PAY-RSASSA-PSS">{t('algorithmV1')}</option>
        </select>
      </label>
      {error && <p class="invalid" role="alert">{error}</p>}
      <div class="card-actions">
        <button type="submit" class="primary">{t('saveAccount')}</button>
        <button type="button" onClick={onCancel}>{t('cancel')}</button>
      </div>
    </form>
  );
}
