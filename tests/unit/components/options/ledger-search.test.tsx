import { fireEvent, render, screen, within } from '@testing-library/preact';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ledgerDb } from '@/entrypoints/options/sections/settlements/ledger-db';
import { SettlementsSection } from '@/entrypoints/options/sections/settlements/SettlementsSection';
import { importSettlementFile } from '@/utils/ledger/import';
import { order, sharedPrefixFiles } from '../../../fixtures/ledger/orders';
import { fakeHostPermissions } from '../../fakes/permissions';
import { expectAccessible } from '../a11y';

beforeEach(() => {
  fakeHostPermissions();
});

beforeAll(async () => {
  const db = await ledgerDb();
  for (const [i, bytes] of sharedPrefixFiles().entries()) await importSettlementFile(db, bytes, `orders-${i}.csv`);
});

const search = async (text: string) => {
  await screen.findByRole('table', { name: 'Settlements' });
  fireEvent.input(screen.getByRole('searchbox'), { target: { value: text } });
};
const shownOrders = () => screen.getAllByRole('article').map((a) => within(a).getByRole('heading').textContent);

describe('ledger search', () => {
  it('says how many rows matched and pages through every order with next and previous', async () => {
    const { container } = render(<SettlementsSection />);
    await search('P01-4242');
    expect(await screen.findByText('Orders 1–10 · 16 matching rows in all')).toBeTruthy();
    expect(shownOrders()).toEqual(Array.from({ length: 10 }, (_, n) => `Order ${order(n)}`));
    expect(screen.queryByRole('button', { name: 'Previous orders' })).toBeNull();
    await expectAccessible(container);
    fireEvent.click(screen.getByRole('button', { name: 'Next orders' }));
    expect(await screen.findByText('Orders 11–11 · 16 matching rows in all')).toBeTruthy();
    expect(shownOrders()).toEqual([`Order ${order(10)}`]);
    expect(screen.queryByRole('button', { name: 'Next orders' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Previous orders' }));
    expect(await screen.findByText('Orders 1–10 · 16 matching rows in all')).toBeTruthy();
  });

  it('asks for 8 characters before searching by the start of an id', async () => {
    render(<SettlementsSection />);
    await search('P01-424');
    expect(
      await screen.findByText(
        'Searching by the start of an ID takes at least 8 characters; shown are exact matches only.',
      ),
    ).toBeTruthy();
    expect(screen.getByText('Nothing found in the imported settlements.')).toBeTruthy();
  });
});
