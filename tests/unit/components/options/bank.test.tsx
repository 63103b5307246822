import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BankPanel } from '@/entrypoints/options/sections/books/BankSection';
import { ledgerDb } from '@/entrypoints/options/sections/settlements/ledger-db';
import { SettlementList } from '@/entrypoints/options/sections/settlements/SettlementList';
import { defaultAccountingSettings, saveAccountingSettings } from '@/utils/books/accounting-settings';
import { importSettlementFile } from '@/utils/ledger/import';
import { listSettlementLines } from '@/utils/ledger/queries';
import { writeCamt053 } from '../../../emulator/bank-statement';
import { EU_FIXTURE_PAYOUT } from '../../../fixtures/ledger/eu-payout';
import { expectAccessible } from '../a11y';
import type { DisbursementView } from '@/utils/messaging/protocol';
import { account } from './fixtures';

const EU = account({ id: 'eu-bank', label: 'EU Shop', region: 'eu' });
const statement = writeCamt053([EU_FIXTURE_PAYOUT], 'DE02120300000000202051', 'EUR');

beforeAll(async () => {
  const file = readFileSync(path.join(process.cwd(), 'tests/fixtures/ledger/settlement-eu-windows-1252-crlf.csv'));
  await importSettlementFile(await ledgerDb(), new Uint8Array(file), 'eu.csv');
  await saveAccountingSettings('eu-bank', { ...defaultAccountingSettings('eu'), sellerId: 'A2EUSELLER' });
});

const table = (name: RegExp) => screen.getByRole('table', { name });
afterEach(() => fakeBrowser.runtime.onMessage.removeAllListeners());

/** The background's answer to listDisbursements (its handler is tested against the emulator); records each ask. */
function amazonPayouts(disbursements: DisbursementView[]) {
  const asked: unknown[] = [];
  fakeBrowser.runtime.onMessage.addListener(async (message: unknown) => {
    const { type, payload } = message as { type: string; payload: unknown };
    if (type !== 'listDisbursements') return undefined;
    asked.push(payload);
    return { ok: true, value: { disbursements } };
  });
  return asked;
}

describe('the Bank section', { timeout: 20_000 }, () => {
  it('imports a statement, shows the match, keeps a rejection, and badges the settlement list', async () => {
    const { container } = render(<BankPanel accounts={[EU]} />);
    await screen.findByRole('table', { name: /^Payouts not seen at the bank \(1\)/ });
    const file = new File([statement], 'feb.xml', { type: 'text/xml' });
    fireEvent.change(screen.getByLabelText(/^Bank statement/), { target: { files: [file] } });
    expect(await screen.findByText('1 file(s) read: 1 new entries, 0 already known, 0 not yet booked.')).toBeTruthy();
    await waitFor(() => expect(table(/^Matched \(1\)/)).toBeTruthy());
    // An empty table says so under its headings.
    expect(within(table(/^Suggested/)).getAllByRole('row')[1]!.textContent).toBe('None');
    const row = within(table(/^Matched/)).getAllByRole('row')[1]!;
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent)
        .slice(0, 4),
    ).toEqual(['4410098765', '€2,430.83', '2026-02-07', '2026-02-10']);
    await expectAccessible(container);

    const { container: list } = render(
      <SettlementList lines={await listSettlementLines(await ledgerDb())} onOpen={() => undefined} />,
    );
    await waitFor(() => expect(list.textContent).toContain('at the bank 2026-02-10'));

    fireEvent.click(screen.getByRole('button', { name: 'Not this one: settlement 4410098765' }));
    await waitFor(() => expect(table(/^Matched \(0\)/)).toBeTruthy());
    expect(table(/^Payouts not seen at the bank \(1\)/)).toBeTruthy();
    expect(table(/^Amazon Pay credits without a payout \(1\)/)).toBeTruthy();
  });

  it('asks which columns a CSV has, then reads it', async () => {
    render(<BankPanel accounts={[EU]} />);
    await screen.findByRole('table', { name: /^Matched/ });
    const csv = 'Datum;Betrag;Text\r\n11.02.2026;12,00;Zinsen\r\n';
    fireEvent.change(screen.getByLabelText(/^Bank statement/), {
      target: { files: [new File([csv], 'umsatz.csv', { type: 'text/csv' })] },
    });
    const form = await screen.findByRole('form', { name: 'Which columns hold what' });
    fireEvent.input(within(form).getByLabelText('Bank account (IBAN or name)'), { target: { value: 'Hausbank' } });
    fireEvent.input(within(form).getByLabelText('Date column'), { target: { value: 'Datum' } });
    fireEvent.input(within(form).getByLabelText('Amount column (signed)'), { target: { value: 'Betrag' } });
    fireEvent.input(within(form).getByLabelText('Purpose columns (comma-separated)'), { target: { value: 'Text' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Read with these columns' }));
    await waitFor(() => expect(document.body.textContent).toContain('1 new entries'));
    // Interest from the bank is not Amazon Pay's: counted, not listed beside the rejected Amazon credit.
    await waitFor(() => expect(screen.getByText('1 other credits (not from Amazon Pay) are not listed.')).toBeTruthy());
    expect(table(/^Amazon Pay credits without a payout \(1\)/)).toBeTruthy();
  });

  it("gets Amazon's payouts through the background and matches one by its disbursement reference", async () => {
    const other = account({ id: 'eu-payouts', label: 'EU Payouts', region: 'eu' });
    await saveAccountingSettings('eu-payouts', { ...defaultAccountingSettings('eu'), sellerId: 'A2EUSELLER' });
    const asked = amazonPayouts([
      {
        sellerId: 'A2EUSELLER',
        settlementId: '4410098765',
        amazonDisbursementReferenceId: '3021-118834-5521',
        amountMinor: 243_083,
        currencyCode: 'EUR',
        transactionTime: '2026-02-07T09:30:00.000Z',
      },
    ]);
    render(<BankPanel accounts={[other]} />);
    await screen.findByRole('table', { name: /^Payouts not seen at the bank \(1\)/ });
    const credit = writeCamt053(
      [
        {
          bookingDate: '2026-02-10',
          currency: 'EUR',
          amountMinor: 243_083,
          counterparty: 'AMAZON PAYMENTS EUROPE S.C.A.',
          endToEndId: '3021-118834-5521',
          remittance: 'PAYOUT',
          reversal: false,
          bankReference: 'B7',
        },
      ],
      'DE02120300000000202051',
      'EUR',
    );
    fireEvent.change(screen.getByLabelText(/^Bank statement/), {
      target: { files: [new File([credit], 'feb.xml', { type: 'text/xml' })] },
    });
    // Same amount in the window: a medium match by amount before Amazon's reference is known.
    await waitFor(() =>
      expect(within(table(/^Matched \(1\)/)).getByText('Same amount within the payout window')).toBeTruthy(),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Get payouts from Amazon' }));
    expect(await screen.findByText('1 payouts from Amazon are now part of the match.')).toBeTruthy();
    await waitFor(() => expect(within(table(/^Matched \(1\)/)).getByText('Reference on the bank entry')).toBeTruthy());
    expect(asked).toEqual([
      { accountId: 'eu-payouts', from: '2026-01-11T00:00:00.000Z', to: expect.stringMatching(/^\d{4}-/) },
    ]);
  });

  it('says "None" in every table that is empty, across all its columns', async () => {
    render(<BankPanel accounts={[account({ id: 'eu-empty', label: 'EU Empty', region: 'eu' })]} />);
    await screen.findByRole('table', { name: /^Matched \(0\)/ });
    const captions = [
      /^Matched/,
      /^Suggested/,
      /^Payouts not seen at the bank/,
      /^Amazon Pay credits without a payout/,
    ];
    for (const caption of captions) {
      const rows = within(table(caption)).getAllByRole('row');
      expect(rows.map((r) => r.textContent).slice(1)).toEqual(['None']);
      expect(within(rows[1]!).getByRole('cell').getAttribute('colspan')).toBe(
        String(within(rows[0]!).getAllByRole('columnheader').length),
      );
    }
  });
});
