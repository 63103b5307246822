import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/entrypoints/popup/App';
import { readPopupStart } from '@/utils/views/popup-start';
import { listAccounts, removeAccount, saveAccount } from '@/utils/accounts/store';
import { writeCachedReports } from '@/utils/amazon-pay/report-cache';
import { openLedgerDb } from '@/utils/ledger/db';
import { importSettlementFile } from '@/utils/ledger/import';
import { readLastPayout } from '@/utils/views/last-payout';
import { expectAccessible } from './a11y';
import { setUiLanguage } from '../setup/components';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(path.join(process.cwd(), 'tests/fixtures/ledger', name)));
const rows = (container: Element) => container.querySelectorAll('li.report').length;

beforeAll(async () => {
  const db = await openLedgerDb();
  await importSettlementFile(db, fixture('settlement-us.csv'), 'settlement-us.csv');
  await importSettlementFile(db, fixture('settlement-jp.csv'), 'settlement-jp.csv');
  db.close();
});

beforeEach(async () => {
  for (const { id } of await listAccounts()) await removeAccount(id);
  await saveAccount({
    id: 'shop-us',
    label: 'Shop US',
    region: 'na',
    environment: 'live',
    publicKeyId: 'LIVE-shop-us',
    algorithm: 'AMZN-PAY-RSASSA-PSS-V2',
    createdAt: '2026-11-01T00:00:00.000Z',
  });
  const created = new Date(Date.now() - 86_400_000);
  await writeCachedReports('shop-us', [
    {
      reportId: 'R-1',
      reportType: '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_',
      processingStatus: 'COMPLETED',
      reportDocumentId: 'doc-1',
      startTime: new Date(created.getTime() - 86_400_000),
      endTime: created,
      createdTime: created,
    },
  ]);
  // The popup asks the background for a fresh list; nobody answers here.
  fakeBrowser.runtime.onMessage.addListener(() => new Promise(() => undefined));
});

afterEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.runtime.onMessage.removeAllListeners();
});

describe("the popup's last payout", () => {
  it('is the newest settlement: its payout, id, date and check light', async () => {
    expect(await readLastPayout()).toMatchObject({
      settlementId: '9100001234',
      currency: 'JPY',
      payoutMinor: 12344,
      light: 'green',
    });
  });

  it('is read only after the first rows are painted, then shown in one line that opens the Settlements section', async () => {
    let rowsWhenRead = -1;
    const read = vi.fn(() => {
      rowsWhenRead = rows(document.body);
      return readLastPayout();
    });
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    const { container } = render(<App start={readPopupStart()} readPayout={read} />);
    const line = await screen.findByRole('button', { name: /^Last payout ¥12,344 on Mar 31, 2026$/ });
    expect(read).toHaveBeenCalledTimes(1);
    expect(rowsWhenRead).toBe(1);
    expect(line.parentElement!.textContent).toMatch(/Adds up$/);
    line.focus();
    fireEvent.click(line);
    expect(create).toHaveBeenCalledWith({ url: expect.stringMatching(/\/options\.html#settlements$/) });
    await expectAccessible(container);
  });

  it('leaves the line out when nothing is imported or the ledger cannot be read', async () => {
    const { container } = render(
      <App start={readPopupStart()} readPayout={() => Promise.reject(new Error('no IndexedDB'))} />,
    );
    await waitFor(() => expect(rows(container)).toBe(1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(container.querySelector('.last-payout')).toBeNull();
    render(<App start={readPopupStart()} readPayout={() => Promise.resolve(undefined)} />);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(document.querySelector('.last-payout')).toBeNull();
  });

  it('speaks the UI language', async () => {
    setUiLanguage('de');
    render(<App start={readPopupStart()} />);
    expect(await screen.findByRole('button', { name: /^Letzte Auszahlung 12\.344\s¥ am 31\.03\.2026$/ })).toBeTruthy();
  });
});
