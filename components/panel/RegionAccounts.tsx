import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Notice } from '@/components/Notice';
import { toSerialized } from '@/utils/messaging/client';
import type { Region } from '@/utils/amazon-pay/endpoints';
import { t } from '@/utils/i18n';
import type { PanelAccount, ReportListing, SerializedError } from '@/utils/messaging/protocol';
import { errorText } from '@/utils/views/error-text';
import { SettingsLink } from './SettingsLink';

const REGION_KEYS = { na: 'regionNa', eu: 'regionEu', jp: 'regionJp' } as const;

interface Props {
  region: Region;
  settingsUrl: string;
  /** `listReports` without an account id: the background picks this region's account and names the others. */
  load(): Promise<ReportListing>;
  children(account: PanelAccount): ComponentChildren;
}

type State =
  | { kind: 'loading' }
  | { kind: 'none' }
  | { kind: 'failed'; error: SerializedError }
  | { kind: 'ready'; accounts: PanelAccount[]; selectedId: string };

const describe = (a: PanelAccount) => `${a.label} · ${t(a.environment === 'live' ? 'envLive' : 'envSandbox')}`;

/** The accounts of the page's region: none (say so, with a link to the settings), one, or a choice among several. */
export function RegionAccounts({ region, settingsUrl, load, children }: Props) {
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    let live = true;
    load()
      .then((listing) => {
        const accounts = listing.regionAccounts ?? [];
        if (live)
          setState(accounts.length > 0 ? { kind: 'ready', accounts, selectedId: listing.accountId } : { kind: 'none' });
      })
      .catch((e) => {
        const error = toSerialized(e);
        if (live) setState(error.code === 'no-account' ? { kind: 'none' } : { kind: 'failed', error });
      });
    return () => {
      live = false;
    };
  }, [load]);

  const account =
    state.kind === 'ready' ? (state.accounts.find((a) => a.id === state.selectedId) ?? state.accounts[0]) : undefined;
  return (
    <>
      {state.kind === 'loading' && (
        <p class="rc-status" role="status">
          {t('panelLoading')}
        </p>
      )}
      {state.kind === 'none' && (
        <Notice tone="info" title={t('panelNoAccountTitle', t(REGION_KEYS[region]))}>
          <p class="rc-notice-text">{t('panelNoAccountBody')}</p>
          <SettingsLink href={settingsUrl} label={t('panelSettingsLink')} />
        </Notice>
      )}
      {state.kind === 'failed' && (
        <Notice tone="error" title={t('errorTitle')}>
          <p class="rc-notice-text">{errorText(state.error)}</p>
          <SettingsLink href={settingsUrl} label={t('panelSettingsLink')} />
        </Notice>
      )}
      {state.kind === 'ready' && account && (
        <>
          {state.accounts.length > 1 ? (
            <label class="field account-picker">
              <span>{t('accountLabel')}</span>
              <select value={account.id} onChange={(e) => setState({ ...state, selectedId: e.currentTarget.value })}>
                {state.accounts.map((a) => (
                  <option key={a.id} value={a.id}>
                    {describe(a)}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <p class="report-meta">{describe(account)}</p>
          )}
          {children(account)}
        </>
      )}
    </>
  );
}
