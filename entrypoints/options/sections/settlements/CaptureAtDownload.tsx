import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/utils/i18n';
import { originPattern, seenDocumentOrigins } from '@/utils/capture/origins';

interface Origin {
  origin: string;
  granted: boolean;
}

const host = (origin: string) => new URL(origin).host;

/**
 * The opt-in for reading settlements as they download: one optional host permission per document origin the
 * extension has seen, asked for from the click itself (the user gesture permissions.request needs), so the origins
 * are read before any click.
 */
export function CaptureAtDownload() {
  const [origins, setOrigins] = useState<Origin[]>();
  const [declined, setDeclined] = useState(false);

  const refresh = useCallback(async () => {
    const seen = await seenDocumentOrigins();
    const granted = await Promise.all(
      seen.map((origin) => browser.permissions.contains({ origins: [originPattern(origin)] })),
    );
    setOrigins(seen.map((origin, i) => ({ origin, granted: granted[i]! })));
  }, []);
  useEffect(() => {
    const again = () => void refresh();
    again();
    browser.permissions.onAdded.addListener(again);
    browser.permissions.onRemoved.addListener(again);
    return () => {
      browser.permissions.onAdded.removeListener(again);
      browser.permissions.onRemoved.removeListener(again);
    };
  }, [refresh]);

  const allow = (origin: string) => {
    setDeclined(false);
    void browser.permissions
      .request({ origins: [originPattern(origin)] })
      .then((granted) => setDeclined(!granted))
      .finally(() => void refresh());
  };
  const stop = (origin: string) =>
    void browser.permissions.remove({ origins: [originPattern(origin)] }).finally(() => void refresh());

  if (!origins) return null;
  return (
    <section class="capture" aria-labelledby="capture-title">
      <h3 id="capture-title">{t('captureTitle')}</h3>
      {origins.length === 0 && <p class="hint">{t('captureNothingSeen')}</p>}
      {origins.map(({ origin, granted }) => (
        <p key={origin}>
          {t(granted ? 'captureOn' : 'captureOff', host(origin))}{' '}
          {granted ? (
            <button type="button" onClick={() => stop(origin)}>
              {t('captureStop')}
            </button>
          ) : (
            <button type="button" class="primary" onClick={() => allow(origin)}>
              {t('captureAllow')}
            </button>
          )}
        </p>
      ))}
      {declined && <p class="hint">{t('captureDeclined')}</p>}
    </section>
  );
}
