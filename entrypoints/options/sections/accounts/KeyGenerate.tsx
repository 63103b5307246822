import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { generateSigningKeyPair } from '@/utils/keys/generate';
import type { ImportedKey } from './KeyImport';
import { publicPemFingerprint } from './pem-fingerprint';

interface Props {
  onGenerated(key: ImportedKey, publicKeyPem: string): void;
  publicKeyPem?: string;
  /** A new account's key is stored the moment it is generated; a replacement only when the account is saved. */
  storedAtOnce: boolean;
}

/** The recommended path: the private key is born non-extractable here; only the public key is shown. */
export function KeyGenerate({ onGenerated, publicKeyPem, storedAtOnce }: Props) {
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState(false);
  const [fingerprint, setFingerprint] = useState<string>();
  useEffect(() => {
    if (publicKeyPem) void publicPemFingerprint(publicKeyPem).then(setFingerprint);
  }, [publicKeyPem]);

  const generate = async () => {
    setBusy(true);
    try {
      const pair = await generateSigningKeyPair();
      onGenerated({ key: pair.privateKey, fingerprint: pair.publicKeyFingerprint }, pair.publicKeyPem);
    } finally {
      setBusy(false);
    }
  };

  if (!publicKeyPem) {
    return (
      <div>
        <p class="hint">{t('keyGenerateHint')}</p>
        <button type="button" class="primary" disabled={busy} onClick={() => void generate()}>
          {t('keyGenerateAction')}
        </button>
      </div>
    );
  }
  const saveHref = `data:application/x-pem-file;charset=utf-8,${encodeURIComponent(publicKeyPem)}`;
  return (
    <div>
      <p>{t(storedAtOnce ? 'keyGeneratedBody' : 'keyGeneratedPendingBody')}</p>
      <pre class="pem" data-testid="public-key-pem">
        {publicKeyPem}
      </pre>
      {fingerprint && (
        <p class="hint">
          {t('publicKeyFingerprint')}{' '}
          <span class="fingerprint" data-testid="public-key-fingerprint">
            {fingerprint}
          </span>
        </p>
      )}
      <div class="card-actions">
        <button
          type="button"
          onClick={() => void navigator.clipboard.writeText(publicKeyPem).then(() => setCopied(true))}
        >
          {copied ? t('copied') : t('copyPublicKey')}
        </button>
        <a class="button" href={saveHref} download="report-courier-public-key.pem">
          {t('savePublicKey')}
        </a>
      </div>
      <ol class="hint">
        <li>{t('keyStep1')}</li>
        <li>{t('keyStep2')}</li>
        <li>{t('keyStep3')}</li>
      </ol>
      <p class="hint">{t('keyOnlyCopy')}</p>
    </div>
  );
}
