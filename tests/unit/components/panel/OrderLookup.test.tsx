import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { OrderLookup } from '@/components/panel/OrderLookup';
import type { OrderTimelineView } from '@/utils/ledger/order-lookup';
import { NoAccountError } from '@/utils/background/errors';
import { orderIdsOnPage } from '@/utils/sellercentral/order-ids';
import { setUiLanguage } from '../../setup/components';
import { expectAccessible } from '../a11y';

const ORDER = 'P01-7730114-0091826';
const timeline: OrderTimelineView = {
  key: ORDER,
  entries: [
    {
      settlementId: '7301234567',
      line: 10,
      category: 'capture',
      currency: 'USD',
      amountMinor: 4990,
      feeMinor: -175,
      netMinor: 4815,
      postedAt: '2026-03-03T05:40:55Z',
    },
    {
      settlementId: '7301234567',
      line: 12,
      category: 'refund',
      currency: 'USD',
      amountMinor: -2000,
      feeMinor: 58,
      netMinor: -1942,
      postedAt: '2026-03-03T17:15:44Z',
    },
  ],
  payouts: [
    { settlementId: '7301234567', currency: 'USD', payoutMinor: 120417, payoutPostedAt: '2026-03-03T00:04:31Z' },
  ],
};

describe('order ids on a Seller Central page', () => {
  const page = (html: string) => {
    document.body.innerHTML = html;
    return document;
  };

  it('reads them from the address and the visible text, charge and refund ids as their order, each once', () => {
    const doc = page(`
      <h1>Order details</h1>
      <p>Charge P01-1111111-2222222-C034811 and refund p01-1111111-2222222-R017571</p>
      <table><tr><td>S02-3333333-4444444</td></tr></table>
      <script>var hidden = "P01-9999999-9999999";</script>
      <input value="P01-8888888-8888888" />
    `);
    expect(orderIdsOnPage(doc, 'https://sellercentral.amazon.com/x?orderReferenceId=P01-5555555-6666666')).toEqual([
      'P01-5555555-6666666',
      'P01-1111111-2222222',
      'S02-3333333-4444444',
    ]);
  });

  it('offers at most ten, and none where the page shows none', () => {
    const ids = Array.from({ length: 30 }, (_, i) => `P01-${String(1000000 + i)}-1234567`);
    expect(orderIdsOnPage(page(`<p>${ids.join(' ')}</p>`), 'https://sellercentral.amazon.com/')).toEqual(
      ids.slice(0, 10),
    );
    expect(orderIdsOnPage(page('<p>P01-123-456 and 1234567-1234567</p>'), 'not a url')).toEqual([]);
  });
});

describe("the panel's order look-up", () => {
  it("shows the one order's timeline at once: capture, refund and payout, accessibly", async () => {
    const lookup = vi.fn(() => Promise.resolve({ timelines: [timeline] }));
    const { container } = render(<OrderLookup findOrderIds={() => [ORDER]} lookup={lookup} />);
    const article = await screen.findByRole('article');
    expect(lookup).toHaveBeenCalledWith(ORDER);
    expect(within(article).getByRole('heading').textContent).toBe(`Order ${ORDER}`);
    const steps = within(article)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(steps[0]).toMatch(
      /^Captures \$49\.90, fee -\$1\.75, net \$48\.15, posted .*settlement 7301234567, line 10$/,
    );
    expect(steps[1]).toMatch(/^Refunds -\$20\.00, fee \$0\.58, net -\$19\.42/);
    expect(steps[2]).toMatch(/^Payout to bank \$1,204\.17 with settlement 7301234567/);
    expect(container.querySelector('input, textarea, [contenteditable]')).toBeNull();
    await expectAccessible(container);
  });

  it('says when no stored payout carries the order yet, instead of leaving the payout out', async () => {
    const unpaid = { ...timeline, payouts: [] };
    render(<OrderLookup findOrderIds={() => [ORDER]} lookup={() => Promise.resolve({ timelines: [unpaid] })} />);
    const article = await screen.findByRole('article');
    const steps = within(article)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(steps).toHaveLength(3);
    expect(steps[2]).toBe('Payout to bank none in the archive yet');
  });

  it('lets the merchant pick among several orders by keyboard, and says when one is not in the ledger', async () => {
    const other = 'P01-1111111-2222222';
    const lookup = vi.fn((id: string) => Promise.resolve({ timelines: id === ORDER ? [timeline] : [] }));
    const { container } = render(<OrderLookup findOrderIds={() => [other, ORDER]} lookup={lookup} />);
    expect(lookup).not.toHaveBeenCalled();
    const list = screen.getByRole('list', { name: 'Orders on this page' });
    const pick = within(list).getByRole('button', { name: other });
    pick.focus();
    fireEvent.click(pick);
    expect(
      await screen.findByText(new RegExp(`^${other} is not in the settlements imported for this region`)),
    ).toBeTruthy();
    expect(pick.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(within(list).getByRole('button', { name: ORDER }));
    expect(await screen.findByRole('article')).toBeTruthy();
    await expectAccessible(container);
  });

  it('looks at the page again on request, and shows a failure in words', async () => {
    let shown: string[] = [];
    const failure = new NoAccountError('na');
    render(<OrderLookup findOrderIds={() => shown} lookup={() => Promise.reject(failure)} />);
    expect(screen.getByText('This page shows no Amazon Pay order reference id.')).toBeTruthy();
    shown = [ORDER];
    fireEvent.click(screen.getByRole('button', { name: 'Look for orders on this page again' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'Add an Amazon Pay account in Settings to see its reports here.',
      ),
    );
  });

  it('speaks the UI language', async () => {
    setUiLanguage('ja');
    render(<OrderLookup findOrderIds={() => []} lookup={() => Promise.resolve({ timelines: [] })} />);
    expect(screen.getByRole('heading', { name: 'このページの注文' })).toBeTruthy();
  });
});
