import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { readPrivateKeyPem, KeyImportError } from '@/utils/keys/pem';
import { errorText } from '@/utils/views/error-text';

export interface ImportedKey {
  key: CryptoKey;
  fingerprint: string;
}

interface Props {
  onImported(key: ImportedKey): void;
}

/**
 * Paste, pick or drop a .pem. The text lives only in this component's state until import, and is cleared
 * right after, success or not; only the non-extractable CryptoKey leaves.
 */
export function KeyImport({ onImported }: Props) {
  const [text, setText] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [needsPassphrase, setNeedsPassphrase] = useState(false);
  const [error, setError] = useState<string>();
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);

  const importText = async (pem: string) => {
    setBusy(true);
    setError(undefined);
    try {
      const imported = await readPrivateKeyPem(pem, { passphrase: passphrase || undefined });
      setText('');
      setPassphrase('');
      setNeedsPassphrase(false);
      onImported({ key: imported.key, fingerprint: imported.publicKeyFingerprint });
    } catch (e) {
      const code = e instanceof KeyImportError ? e.code : 'import-failed';
      setNeedsPassphrase(code === 'passphrase-required' || code === 'wrong-passphrase');
      // Keep the text only while a passphrase is being asked for; otherwise it is gone.
      if (code !== 'passphrase-required' && code !== 'wrong-passphrase') setText('');
      else setText(pem);
      setError(e instanceof KeyImportError ? errorText(e) : t('keyImportFailed'));
    } finally {
      setBusy(false);
    }
  };

  const readFile = (file: File | undefined) => {
    if (file) void file.text().then(importText);
  };

  return (
    <div
      class={`key-drop${dragging ? ' dragging' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        readFile(e.dataTransfer?.files[0]);
      }}
    >
      <label class="field">
        {t('keyPasteLabel')}
        <textarea
          value={text}
          spellcheck={false}
          autocomplete="off"
          placeholder="-----BEGIN PRIVATE KEY-----"
          onInput={(e) => setText(e.currentTarget.value)}
        />
      </label>
      <span class="hint">{t('keyDropHint')}</span>
      <label class="field">
        {t('keyFileLabel')}
        <input
          type="file"
          accept=".pem,.key,.txt,application/x-pem-file"
          onChange={(e) => {
            readFile(e.currentTarget.files?.[0]);
            e.currentTarget.value = '';
          }}
        />
      </label>
      {needsPassphrase && (
        <label class="field">
          {t('keyPassphrase')}
          <input
            type="password"
            autocomplete="off"
            value={passphrase}
            onInput={(e) => setPassphrase(e.currentTarget.value)}
          />
        </label>
      )}
      {error && (
        <p class="invalid" role="alert">
          {error}
        </p>
      )}
      <div>
        <button type="button" class="primary" disabled={busy || !text.trim()} onClick={() => void importText(text)}>
          {t('keyImportAction')}
        </button>
      </div>
    </div>
  );
}
