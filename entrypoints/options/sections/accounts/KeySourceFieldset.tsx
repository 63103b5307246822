import { Notice } from '@/components/Notice';
import { t } from '@/utils/i18n';
import type { AccountView } from '@/utils/messaging/protocol';
import { KeyGenerate } from './KeyGenerate';
import { KeyImport } from './KeyImport';
import type { AccountDraftState } from './useAccountDraft';

interface Props {
  existing?: AccountView;
  draft: AccountDraftState;
  touched: boolean;
}

/** Where the account's private key comes from: the stored one, one generated here, or an imported .pem. */
export function KeySourceFieldset({ existing, draft, touched }: Props) {
  const { source, setSource, generated, imported } = draft;
  const replacing = Boolean(existing?.hasKey) && source !== 'keep';
  return (
    <fieldset class="card">
      <legend>{t('privateKey')}</legend>
      <div class="choice">
        {existing?.hasKey && (
          <label>
            <input type="radio" name="source" checked={source === 'keep'} onChange={() => setSource('keep')} />
            {t('keyKeep')}
          </label>
        )}
        <label>
          <input type="radio" name="source" checked={source === 'generate'} onChange={() => setSource('generate')} />
          {t('keyGenerate')}
        </label>
        <label>
          <input
            type="radio"
            name="source"
            checked={source === 'import'}
            onChange={() => {
              setSource('import');
              draft.setImported(undefined);
            }}
          />
          {t('keyImport')}
        </label>
      </div>
      {replacing && (
        <Notice tone="warning" title={t('keyReplaceTitle')}>
          {t('keyReplaceWarning')}
        </Notice>
      )}
      {source === 'generate' && (
        <KeyGenerate
          publicKeyPem={generated?.publicKeyPem}
          storedAtOnce={!existing}
          onGenerated={(key, pem) => void draft.onGenerated(key, pem)}
        />
      )}
      {source === 'import' && !imported && <KeyImport onImported={draft.setImported} />}
      {source === 'import' && imported && (
        <p class="hint">
          {t('keyReady')} <span class="fingerprint">{imported.fingerprint}</span>
        </p>
      )}
      {touched && !draft.ready && <span class="invalid">{t('keyRequired')}</span>}
    </fieldset>
  );
}
