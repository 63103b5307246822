import { render } from 'preact';
import { ReportsPanel } from '@/components/ReportsPanel';
import type { Region } from '@/utils/amazon-pay/endpoints';
import type { ReportListing } from '@/utils/messaging/protocol';
import { PanelShell } from './PanelShell';
import { RegionAccounts } from './RegionAccounts';

export interface PanelProps {
  region: Region;
  /** A web-accessible page that opens the settings; the options page itself is not reachable from Seller Central. */
  settingsUrl: string;
  load(): Promise<ReportListing>;
}

const openSettings = (url: string) => () => void window.open(url, '_blank', 'noopener');

/** The launcher and, once opened, the region's reports: the popup's own list, filters and downloads. */
export function SellerCentralPanel({ region, settingsUrl, load }: PanelProps) {
  return (
    <PanelShell settingsUrl={settingsUrl}>
      <RegionAccounts region={region} settingsUrl={settingsUrl} load={load}>
        {(account) => (
          <ReportsPanel
            key={account.id}
            account={account}
            listAndDownloadOnly
            onOpenSettings={openSettings(settingsUrl)}
          />
        )}
      </RegionAccounts>
    </PanelShell>
  );
}

/** Renders into the shadow root's container; the returned function unmounts (on leaving Amazon Pay pages, or invalidation). */
export function mountPanel(container: HTMLElement, props: PanelProps): () => void {
  render(<SellerCentralPanel {...props} />, container);
  return () => render(null, container);
}
