import { useEffect, useState } from 'preact/hooks';
import { clearAccountDraft, discardAccountDraft, resumeAccountDraft, startAccountDraft } from '@/utils/accounts/draft';
import { newAccountId } from '@/utils/accounts/store';
import { discardCandidateKey } from '@/utils/keys/candidate-key';
import type { AccountView } from '@/utils/messaging/protocol';
import type { ImportedKey } from './KeyImport';

export type KeySource = 'keep' | 'generate' | 'import';

/** A key chosen in the form. `key` is absent for a new account's generated key: that one is stored already. */
export interface ChosenKey {
  fingerprint: string;
  key?: CryptoKey;
  publicKeyPem?: string;
}

/**
 * The account id and the key the form works on. A new account's generated key is stored at once, with a draft
 * (utils/accounts/draft.ts); an existing account's key store is not touched here at all: a replacement waits in
 * memory until Save.
 */
export function useAccountDraft(existing?: AccountView) {
  const [accountId, setAccountId] = useState(() => existing?.id ?? newAccountId());
  const [source, setSource] = useState<KeySource>(existing?.hasKey ? 'keep' : 'generate');
  const [generated, setGenerated] = useState<ChosenKey>();
  const [imported, setImported] = useState<ImportedKey>();

  useEffect(() => {
    if (existing) return;
    void resumeAccountDraft().then((draft) => {
      if (!draft) return;
      setAccountId(draft.accountId);
      setGenerated({ fingerprint: draft.fingerprint, publicKeyPem: draft.publicKeyPem });
      setSource('generate');
    });
  }, [existing]);

  const onGenerated = async ({ key, fingerprint }: ImportedKey, publicKeyPem: string) => {
    if (existing) {
      setGenerated({ key, fingerprint, publicKeyPem });
      return;
    }
    await startAccountDraft({ accountId, publicKeyPem, fingerprint }, key);
    setGenerated({ fingerprint, publicKeyPem });
  };

  const chosen: ChosenKey | undefined = source === 'generate' ? generated : source === 'import' ? imported : undefined;

  return {
    accountId,
    source,
    setSource,
    generated,
    imported,
    setImported,
    onGenerated,
    chosen,
    /** Whether the form has a key to save with: the stored one, or a chosen one. */
    ready: source === 'keep' || Boolean(chosen),
    /** After every save: no draft outlives its account's creation. */
    finish: () => clearAccountDraft(),
    /** Cancel: a new account's generated key goes with its draft; an existing account keeps its stored key. */
    abandon: () => (existing ? discardCandidateKey(existing.id) : discardAccountDraft(accountId)),
  };
}

export type AccountDraftState = ReturnType<typeof useAccountDraft>;
