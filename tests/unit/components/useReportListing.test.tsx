import { render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useReportListing } from '@/components/hooks/useReportListing';
import type { ReportListing } from '@/utils/messaging/protocol';

const cached: ReportListing = { accountId: 'a', reports: [], fetchedAt: 1 };
const fresh: ReportListing = { accountId: 'a', reports: [], fetchedAt: 2 };

function Probe({ initial }: { initial?: ReportListing }) {
  const { listing } = useReportListing('a', initial);
  return <p>{listing ? `fetched ${listing.fetchedAt}` : 'nothing yet'}</p>;
}

describe('report listing hook', () => {
  const asked: string[] = [];
  fakeBrowser.runtime.onMessage.addListener(async (message: any) => {
    asked.push(message.payload.mode);
    return { ok: true, value: message.payload.mode === 'cached' ? cached : fresh };
  });
  afterEach(() => {
    asked.length = 0;
  });

  it('shows the cached list, then the fresh one', async () => {
    render(<Probe />);
    await screen.findByText('fetched 2');
    expect(asked.sort()).toEqual(['cached', 'fresh']);
  });

  it('starts from a cached list the view already has, asking only for the fresh one', async () => {
    render(<Probe initial={cached} />);
    expect(screen.getByText('fetched 1')).toBeTruthy();
    await screen.findByText('fetched 2');
    await waitFor(() => expect(asked).toEqual(['fresh']));
  });
});
