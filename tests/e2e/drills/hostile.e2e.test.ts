import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HOSTILE_REPORTS } from '../../emulator/hostile';
import { auditArchive, documentRetries, printSummary, summarise } from '../support/audit';
import { startBulk, waitForBatch } from '../support/driver';
import { drillStack } from '../support/drill';
import { openPopup } from '../support/popup';
import { filesUnder } from '../support/stack';

const LABEL = 'Hostile Shop';
const drill = drillStack({ label: LABEL, emulator: { hostileReports: true } });
const hostileIds = new Set(HOSTILE_REPORTS.map(([id]) => id));

/** Whether anything the hostile fields carry ran or became markup. */
async function injected(page: Page): Promise<{ ran: unknown; images: number; scripts: number }> {
  return page.evaluate(() => ({
    ran: (globalThis as { __hostile?: unknown }).__hostile ?? null,
    images: document.querySelectorAll('img[src="x"]').length,
    scripts: [...document.querySelectorAll('script')].filter((s) => s.textContent?.includes('__hostile')).length,
  }));
}

/** Settled: no request for half a second (a broken image's error has fired) and a frame rendered since. */
async function quiet(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

describe('drill: report ids and types that attack paths and markup', () => {
  it('keeps every file inside the archive folder, byte for byte', async () => {
    const { stack, driver } = drill;
    const hostile = drill.reports.filter((r) => hostileIds.has(r.reportId));
    expect(hostile.map((r) => r.reportId).sort()).toEqual(HOSTILE_REPORTS.map(([id]) => id).sort());
    const batchId = await startBulk(driver, hostile);
    const final = await waitForBatch(driver.send, batchId, 60_000);
    const archive = path.join(stack.browser.downloadDir, 'AmazonPay', LABEL) + path.sep;
    const files = filesUnder(stack.browser.downloadDir).map((f) => path.join(stack.browser.downloadDir, f));
    // The names hide the hostile ids, so each job's own file name says whose file it is.
    const audit = auditArchive(stack.browser.downloadDir, stack.emulator, hostile, { jobs: final.jobs });
    printSummary(summarise('hostile', hostile.length, audit, documentRetries(stack.emulator, hostile)));

    expect(final.batch.counts.done).toBe(hostile.length);
    expect(audit).toEqual({ lost: [], duplicates: [], mismatched: [], strays: [] });
    expect(files).toHaveLength(hostile.length);
    for (const file of files) {
      expect(path.resolve(file).startsWith(archive), file).toBe(true);
      const relative = path.relative(stack.browser.downloadDir, file);
      // eslint-disable-next-line no-control-regex -- control characters are exactly what a file name must not hold
      expect(relative).not.toMatch(/[\u0000-\u001f\u007f\u202e<>"|?*\\]/);
      for (const part of relative.split(path.sep)) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(255);
    }
    expect(final.jobs.every((job) => path.resolve(job.filename!).startsWith(archive))).toBe(true);
    expect(fs.existsSync('/tmp/escaped-by-id.csv') || fs.existsSync('/tmp/escaped-by-type')).toBe(false);
  });

  it('shows the hostile text as text in the popup and the options page, and runs none of it', async () => {
    const { stack, driver } = drill;
    const popup = await openPopup(stack.browser);
    const html = HOSTILE_REPORTS.find(([id]) => id.startsWith('<img'))![0];
    const row = popup.locator('li.report', { has: popup.locator('.report-id', { hasText: html }) });
    await row.first().waitFor();
    expect(await row.locator('.report-id').first().textContent()).toContain(html);
    expect(await popup.locator('li.report').count()).toBeGreaterThanOrEqual(HOSTILE_REPORTS.length);
    await quiet(popup);
    expect(await injected(popup)).toEqual({ ran: null, images: 0, scripts: 0 });

    const options = await stack.browser.openPage('options.html');
    await options.getByRole('heading', { level: 1 }).waitFor();
    await quiet(options);
    expect(await injected(options)).toEqual({ ran: null, images: 0, scripts: 0 });
    expect(await injected(driver.page)).toEqual({ ran: null, images: 0, scripts: 0 });
  });
});
