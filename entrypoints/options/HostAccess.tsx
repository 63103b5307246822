import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Notice } from '@/components/Notice';
import { t } from '@/utils/i18n';

/** The manifest's host permissions: the Amazon Pay API hosts, the only origins the background calls. */
function apiOrigins(): string[] {
  return browser.runtime.getManifest().host_permissions ?? [];
}

async function missingOrigins(origins: string[]): Promise<string[]> {
  const granted = await Promise.all(origins.map((origin) => browser.permissions.contains({ origins: [origin] })));
  return origins.filter((_, i) => !granted[i]);
}

const hostName = (origin: string) => origin.replace(/^https:\/\//, '').replace(/\/\*$/, '');

/**
 * Firefox lets users withdraw host access in its add-on manager; without it every call to that region fails
 * as a network error. Names the missing hosts and asks for them from a click, the user gesture
 * `permissions.request` needs.
 */
export function HostAccess() {
  const [missing, setMissing] = useState<string[]>([]);
  const [declined, setDeclined] = useState(false);

  useEffect(() => {
    const refresh = () => void missingOrigins(apiOrigins()).then(setMissing);
    refresh();
    // Access changed in the browser's add-on settings while this page is open.
    browser.permissions.onAdded.addListener(refresh);
    browser.permissions.onRemoved.addListener(refresh);
    return () => {
      browser.permissions.onAdded.removeListener(refresh);
      browser.permissions.onRemoved.removeListener(refresh);
    };
  }, []);

  if (missing.length === 0) return null;

  const request = () => {
    // Called straight from the click: an await before it would lose the user gesture.
    void browser.permissions.request({ origins: missing }).then(async (granted) => {
      setDeclined(!granted);
      setMissing(await missingOrigins(apiOrigins()));
    });
  };

  return (
    <Notice tone="warning" title={t('hostAccessTitle')} action={{ label: t('hostAccessAction'), onClick: request }}>
      <p>{t('hostAccessBody')}</p>
      <ul>
        {missing.map((origin) => (
          <li key={origin}>
            <code>{hostName(origin)}</code>
          </li>
        ))}
      </ul>
      {declined && <p>{t('hostAccessDeclined')}</p>}
    </Notice>
  );
}
