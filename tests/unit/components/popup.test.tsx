import { render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/entrypoints/popup/App';
import { readPopupStart } from '@/utils/views/popup-start';
import { listAccounts, removeAccount, saveAccount, selectAccount } from '@/utils/accounts/store';
import type { Account } from '@/utils/accounts/types';
import { writeCachedReports } from '@/utils/amazon-pay/report-cache';
import type { Report } from '@/utils/amazon-pay/types';
import { openJobsDb, transact, type JobsDb } from '@/utils/downloads/jobs-store';
import type { ReportListing } from '@/utils/messaging/protocol';
import { DEFAULT_FILTERS } from '@/utils/views/report-filters';
import { expectAccessible } from './a11y';

const DAY = 86_400_000;
const SETTLEMENT = '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_';
const REFUND = '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_REFUND_DATA_';

function account(id: string, label: string): Account {
  return {
    id,
    label,
    region: 'eu',
    environment: 'live',
    publicKeyId: `LIVE-${id}`,
    algorithm: 'AMZN-PAY-RSASSA-PSS-V2',
    createdAt: '2026-11-01T00:00:00.000Z',
  };
}

function amazonReport(reportId: string, reportType: string, daysAgo: number): Report {
  const created = new Date(Date.now() - daysAgo * DAY);
  return {
    reportId,
    reportType,
    processingStatus: 'COMPLETED',
    reportDocumentId: `doc-${reportId}`,
    startTime: new Date(created.getTime() - DAY),
    endTime: created,
    createdTime: created,
  };
}

interface Asked {
  type: string;
  payload: Record<string, unknown>;
}

/**
 * The background as a view sees it while the worker is still waking: every message is noted and none is answered
 * (unless `answer` has a value for it), and the progress port stays silent.
 */
function sleepingBackground(answer?: (message: Asked) => unknown) {
  const asked: Asked[] = [];
  const listener = (message: unknown) => {
    asked.push(message as Asked);
    const value = answer?.(message as Asked);
    return value === undefined ? new Promise(() => undefined) : Promise.resolve({ ok: true, value });
  };
  fakeBrowser.runtime.onMessage.addListener(listener);
  const silentPort = {
    onMessage: { addListener: () => undefined },
    onDisconnect: { addListener: () => undefined },
    disconnect: () => undefined,
  };
  vi.spyOn(fakeBrowser.runtime, 'connect').mockReturnValue(
    silentPort as unknown as ReturnType<typeof fakeBrowser.runtime.connect>,
  );
  return { asked, stop: () => fakeBrowser.runtime.onMessage.removeListener(listener) };
}

const rowIds = (container: Element) =>
  [...container.querySelectorAll('li.report')].map((row) => row.getAttribute('data-report-id'));

let background: ReturnType<typeof sleepingBackground> | undefined;

beforeEach(async () => {
  // Each test starts with no account and no remembered filters, wherever the store keeps them.
  for (const { id } of await listAccounts()) await removeAccount(id);
  await fakeBrowser.storage.local.clear();
});

afterEach(() => {
  vi.restoreAllMocks();
  background?.stop();
  background = undefined;
});

describe('the popup', () => {
  it("paints the remembered account's cached rows, archive marks and filters with no message answered", async () => {
    await saveAccount(account('shop-de', 'Shop DE'));
    await saveAccount(account('shop-fr', 'Shop FR'));
    await selectAccount('shop-fr');
    await writeCachedReports('shop-fr', [
      amazonReport('R-SET-1', SETTLEMENT, 3),
      amazonReport('R-REF-1', REFUND, 2),
      amazonReport('R-REF-2', REFUND, 1),
    ]);
    await writeCachedReports('shop-de', [amazonReport('R-DE-1', REFUND, 1)]);
    await transact(openJobsDb(), async (tx) => {
      tx.saveHistory({
        accountId: 'shop-fr',
        reportId: 'R-REF-1',
        reportType: REFUND,
        filename: 'AmazonPay/Shop FR/Refund/r1.csv',
        finalPath: '/home/m/Downloads/AmazonPay/Shop FR/Refund/r1.csv',
        bytes: 10,
        downloadedAt: Date.now() - DAY,
      });
    });
    await fakeBrowser.storage.local.set({ reportFilters: { ...DEFAULT_FILTERS, types: [REFUND] } });
    background = sleepingBackground();

    const shown = vi.fn(() => expect(rowIds(container)).toEqual(['R-REF-2', 'R-REF-1']));
    const { container } = render(<App start={readPopupStart()} onShown={shown} />);
    await waitFor(() => expect(rowIds(container)).toEqual(['R-REF-2', 'R-REF-1']));
    // The kept screen gives way in the very commit that shows the rows, and once.
    expect(shown).toHaveBeenCalledTimes(1);

    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Account' }).value).toBe('shop-fr');
    expect(container.querySelector('li.report[data-report-id="R-REF-1"] .report-saved')?.textContent).toBe(
      'Saved as r1.csv',
    );
    expect(container.querySelector('li.report[data-report-id="R-REF-2"] .report-saved')).toBeNull();
    expect(
      background.asked.filter(
        (m) => m.type === 'listAccounts' || (m.type === 'listReports' && m.payload.mode === 'cached'),
      ),
    ).toEqual([]);
    // The refresh still goes through the background, after the cached rows are on screen.
    await waitFor(() =>
      expect(background!.asked).toContainEqual({
        type: 'listReports',
        payload: { accountId: 'shop-fr', mode: 'fresh' },
      }),
    );
    expect(screen.getByRole('status').textContent).toBe('Refreshing…');
    await expectAccessible(container);
  });

  it('asks the background for the cached list where IndexedDB cannot give it', async () => {
    await saveAccount(account('shop-it', 'Shop IT'));
    const cached: ReportListing = {
      accountId: 'shop-it',
      fetchedAt: Date.now() - DAY,
      reports: [
        {
          reportId: 'R-IT-1',
          reportType: SETTLEMENT,
          processingStatus: 'COMPLETED',
          startTime: new Date(Date.now() - 2 * DAY).toISOString(),
          endTime: new Date(Date.now() - DAY).toISOString(),
          createdTime: new Date(Date.now() - DAY).toISOString(),
        },
      ],
    };
    background = sleepingBackground((m) =>
      m.type === 'listReports' && m.payload.mode === 'cached' ? cached : undefined,
    );
    const noIndexedDb: JobsDb = () =>
      Promise.reject(new DOMException('simulated InvalidStateError', 'InvalidStateError'));

    const { container } = render(<App start={readPopupStart(noIndexedDb)} />);
    await waitFor(() => expect(rowIds(container)).toEqual(['R-IT-1']));
    expect(screen.getByText('Shop IT · Europe & UK · Live')).toBeTruthy();
    expect(background.asked).toContainEqual({ type: 'listReports', payload: { accountId: 'shop-it', mode: 'cached' } });
  });

  it('welcomes a merchant with no account yet, without asking the background', async () => {
    background = sleepingBackground();
    render(<App start={readPopupStart()} />);
    await screen.findByText('Welcome to Report Courier');
    expect(background.asked).toEqual([]);
  });
});
