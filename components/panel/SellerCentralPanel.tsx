import { render } from 'preact';
import { ReportsPanel } from '@/components/ReportsPanel';
import type { Region } from '@/utils/amazon-pay/endpoints';
import type { OrderTimelineView } from '@/utils/ledger/order-lookup';
import type { ReportListing } from '@/utils/messaging/protocol';
import { OrderLookup } from './OrderLookup';
import { PanelShell } from './PanelShell';
import { RegionAccounts } from './RegionAccounts';

export interface PanelProps {
  region: Region;
  /** A web-accessible page that opens the settings; the options page itself is not reachable from Seller Central. */
  settingsUrl: string;
  load(): Promise<ReportListing>;
  /** The Amazon Pay order ids the page shows. */
  findOrderIds(): string[];
  /** `lookupOrder`: the order's timeline from the ledger, for this region's currencies. */
  lookupOrder(orderReferenceId: string): Promise<{ timelines: OrderTimelineView[] }>;
}

const openSettings = (url: string) => () => void window.open(url, '_blank', 'noopener');

/** The launcher and, once opened, the page's order from the ledger and the region's reports (the popup's own list, filters and downloads). */
export function SellerCentralPanel({ region, settingsUrl, load, findOrderIds, lookupOrder }: PanelProps) {
  return (
    <PanelShell settingsUrl={settingsUrl}>
      <RegionAccounts region={region} settingsUrl={settingsUrl} load={load}>
        {(account) => (
          <>
            <OrderLookup findOrderIds={findOrderIds} lookup={lookupOrder} />
            <ReportsPanel
              key={account.id}
              account={account}
              listAndDownloadOnly
              onOpenSettings={openSettings(settingsUrl)}
            />
          </>
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
