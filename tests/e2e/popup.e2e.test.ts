import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from './harness';
import { rowsPaintedAt, waitForLivePopup, watchFirstRow } from './support/first-row';
import { openPopup } from './support/popup';
import { bareHandOvers, urlToDownloadAllowance, urlToDownloadLatencies } from './support/latency';
import {
  addSeededAccount,
  filesUnder,
  seededMerchant,
  sha256,
  startStack,
  waitForFile,
  type Stack,
} from './support/stack';

const merchant = seededMerchant('na');
let stack: Stack;

function savedFile(reportId: string): string {
  const file = filesUnder(stack.browser.downloadDir).find((f) => f.endsWith(`_${reportId}.csv`));
  expect(file, `a downloaded file for ${reportId}`).toBeDefined();
  return path.join(stack.browser.downloadDir, file!);
}

const report = (reportId: string) =>
  stack.emulator.admin.reports(merchant.publicKeyId, 'live').find((r) => r.reportId === reportId)!;

async function expectSameAsEmulator(reportIds: string[]): Promise<string[]> {
  const reports = stack.emulator.admin.reports(merchant.publicKeyId, 'live');
  const documentIds: string[] = [];
  for (const reportId of reportIds) {
    const report = reports.find((r) => r.reportId === reportId)!;
    const file = savedFile(reportId);
    await waitForFile(file);
    expect(sha256(file)).toBe(stack.emulator.admin.document(report.reportDocumentId!)!.sha256);
    documentIds.push(report.reportDocumentId!);
  }
  return documentIds;
}

beforeAll(async () => {
  stack = await startStack();
  await addSeededAccount(stack.browser, 'Demo Shop', 'na');
});

afterAll(async () => {
  await stack?.close();
});

describe('popup against the emulator', () => {
  it('lists the account reports and downloads one, byte for byte', async () => {
    const popup = await openPopup(stack.browser);
    await popup.locator('li.report').first().waitFor();
    await expect.poll(() => popup.locator('.updated').textContent()).toContain('Updated just now');
    await saveScreenshot(popup, 'popup-light');

    // Enabled only: for some minutes after it is created each day, the newest settlement is still IN_PROGRESS.
    const candidate = popup
      .locator('li.report', { has: popup.getByRole('button', { name: /^Download Settlement/, disabled: false }) })
      .first();
    const reportId = (await candidate.getAttribute('data-report-id'))!;
    const row = popup.locator(`li.report[data-report-id="${reportId}"]`);
    // Three settlements this file never downloads: the bare browser's hand-over, measured around this download.
    const spare = stack.emulator.admin
      .reports(merchant.publicKeyId, 'live')
      .filter((r) => r.processingStatus === 'COMPLETED' && r.reportType === report(reportId).reportType)
      .filter((r) => r.reportId !== reportId)
      .slice(0, 3)
      .map((r) => r.reportDocumentId!);
    const probes = bareHandOvers(stack.browser.context, stack.emulator, spare);
    await row.getByRole('button', { name: /^Download/ }).click();
    await row.getByText('Saved', { exact: true }).waitFor({ timeout: 30_000 });
    const bare = await probes.stop();
    expect(path.relative(stack.browser.downloadDir, savedFile(reportId))).toMatch(
      /^AmazonPay\/Demo Shop\/Settlement\/\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}_/,
    );
    const documentIds = await expectSameAsEmulator([reportId]);
    const [latency] = urlToDownloadLatencies(stack.emulator, documentIds).latencies;
    expect(latency).toBeLessThan(urlToDownloadAllowance(bare));
    await popup.close();
  });

  it('shows the cached list before a slow refresh completes', async () => {
    // Amazon's answer is held until the test lets it go: the rows must come from the cache while the refresh is
    // asked for and unanswered, however long a busy machine takes to open the popup.
    const refresh = stack.emulator.admin.holdRoute('getReports');
    try {
      const popup = await openPopup(stack.browser);
      await popup.locator('li.report').first().waitFor();
      await expect.poll(() => refresh.arrived()).toBeGreaterThan(0);
      expect(await popup.locator('.updated').textContent()).toBe('Refreshing…');
      refresh.release();
      await expect
        .poll(() => popup.locator('.updated').textContent(), { timeout: 30_000 })
        .toContain('Updated just now');
      await popup.close();
    } finally {
      refresh.release();
    }
  });

  it('filters, remembers the filter, and downloads all shown reports', async () => {
    const popup = await openPopup(stack.browser);
    await popup.locator('li.report').first().waitFor();
    await popup.locator('.type-picker summary').click();
    await popup.getByRole('checkbox', { name: 'Refund' }).check();
    await popup.keyboard.press('Escape');
    await expect.poll(() => popup.locator('.type-picker').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await expect
      .poll(async () => new Set(await popup.locator('li.report .report-type').allTextContents()))
      .toEqual(new Set(['Refund']));
    const shown = await popup
      .locator('li.report')
      .evaluateAll((rows) =>
        rows.filter((r) => !r.querySelector('button[disabled]')).map((r) => r.getAttribute('data-report-id')!),
      );
    expect(shown.length).toBeGreaterThan(1);

    const reopened = await openPopup(stack.browser);
    await expect
      .poll(async () => new Set(await reopened.locator('li.report .report-type').allTextContents()))
      .toEqual(new Set(['Refund']));
    await reopened.close();

    await popup.getByRole('button', { name: `Download all ${shown.length} shown` }).click();
    await expect
      .poll(() => popup.locator('li.report .job-state', { hasText: 'Saved' }).count(), { timeout: 60_000 })
      .toBe(shown.length);
    await expectSameAsEmulator(shown);
    await popup.locator('.type-picker summary').click();
    await popup.getByRole('checkbox', { name: 'Refund' }).uncheck();
    await popup.close();
  });

  it('renders in dark mode within 400 px, without horizontal scrolling', async () => {
    const popup = await openPopup(stack.browser);
    await popup.emulateMedia({ colorScheme: 'dark' });
    await popup.locator('li.report').first().waitFor();
    const background = await popup.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(22, 25, 29)');
    expect(await popup.evaluate(() => document.documentElement.scrollWidth <= 400)).toBe(true);
    await saveScreenshot(popup, 'popup-dark');
    await popup.close();
  });

  it('paints the first row from the warm cache quickly (median of 10 opens, seen from outside the popup)', async () => {
    const times: Array<{ first: number; live: number }> = [];
    for (let i = 0; i < 10; i++) {
      const popup = await openPopup(stack.browser, { beforeLoad: watchFirstRow, live: false });
      times.push(await rowsPaintedAt(popup));
      await popup.locator('section.panel[aria-busy="false"]').waitFor();
      await popup.close();
    }
    const median = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return (sorted[4]! + sorted[5]!) / 2;
    };
    const first = median(times.map((t) => t.first));
    const live = median(times.map((t) => t.live));
    console.log(
      `popup first row (warm cache): median ${first.toFixed(1)} ms; live view's first row ${live.toFixed(1)} ms`,
    );
    for (const { first, live } of times) expect(first).toBeLessThanOrEqual(live);
    expect(first).toBeLessThan(1000);
    expect(live).toBeLessThan(2000);
  });

  it("paints the last screen at once (the rows its window showed), inert and hidden from screen readers, and gives way to the live view's rows", async () => {
    const first = await openPopup(stack.browser);
    await first.locator('section.panel[aria-busy="false"]').waitFor();
    // The rows the popup's window shows: those that begin above its bottom edge.
    const shownLast = await first
      .locator('#app li.report')
      .evaluateAll((rows) =>
        rows.filter((r) => r.getBoundingClientRect().top < innerHeight).map((r) => r.getAttribute('data-report-id')),
      );
    const listed = await first.locator('#app li.report').count();
    expect(shownLast.length).toBeGreaterThan(1);
    expect(shownLast.length).toBeLessThan(listed);
    await first.close();

    // What the page holds once its own HTML is parsed, before its modules have run.
    const popup = await openPopup(stack.browser, {
      beforeLoad: async (page) =>
        void (await page.addInitScript({
          content: `document.addEventListener('DOMContentLoaded', () => {
            const kept = document.getElementById('first-paint');
            window.keptAtStart = { inert: kept.inert, hidden: kept.getAttribute('aria-hidden'),
              ids: [...kept.querySelectorAll('li.report')].map((r) => r.getAttribute('data-report-id')),
              liveRows: document.querySelectorAll('#app li.report').length };
          });`,
        })),
      live: false,
    });
    await waitForLivePopup(popup);
    const kept = await popup.evaluate(() => (window as unknown as { keptAtStart: unknown }).keptAtStart);
    // Exactly the rows the window showed: none below it, whose layout would only delay the first paint.
    expect(kept).toEqual({ inert: true, hidden: 'true', ids: shownLast, liveRows: 0 });
    expect(await popup.locator('#first-paint').evaluate((el) => el.childElementCount)).toBe(0);
    expect(await popup.locator('#app li.report').count()).toBeGreaterThan(0);
    await popup.close();
  });

  it('fetches no stylesheet: its styles are written into the page, and the views loaded after do not fetch them again', async () => {
    const fetched: string[] = [];
    const popup = await openPopup(stack.browser, {
      beforeLoad: async (page) => void page.on('request', (request) => fetched.push(request.url())),
    });
    await popup.locator('section.panel[aria-busy="false"]').waitFor();
    // Proof the views' code was fetched while watching, so a stylesheet fetched with it would have been seen.
    expect(fetched.filter((url) => /\/chunks\/mount-[\w-]+\.js$/.test(url))).toHaveLength(1);
    expect(fetched.filter((url) => url.endsWith('.css'))).toEqual([]);
    expect(await popup.evaluate(() => getComputedStyle(document.querySelector('li.report')!).display)).toBe('flex');
    await popup.close();
  });

  it('corrects for a computer clock that runs ahead of Amazon, and says so', async () => {
    stack.emulator.admin.setFaults({ clockOffsetSeconds: -90 });
    try {
      const popup = await openPopup(stack.browser);
      await popup.getByText(/clock is \d+ s off Amazon's/).waitFor({ timeout: 15_000 });
      expect(await popup.getByText(/clock is \d+ s off/).textContent()).toMatch(/clock is (89|90|91) s off/);
      expect(await popup.locator('.updated').textContent()).toContain('Updated just now');
      await popup.close();
    } finally {
      stack.emulator.admin.clearFaults();
    }
  });
});
