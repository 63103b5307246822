import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PRIVATE_KEY_PATH, SEEDED_MERCHANTS } from '../emulator/index';
import { saveScreenshot } from './harness';
import { addAccountByImport, filesUnder, sha256, startStack, waitForFile, type Stack } from './support/stack';

/** On-demand reports, schedules and auto-archive on the options page, against the emulator. */

const demo = SEEDED_MERCHANTS.find((m) => m.region === 'na' && m.environment === 'live')!;
let stack: Stack;
let page: Page;

beforeAll(async () => {
  stack = await startStack({ processingDelayMs: 2_000 });
  page = await stack.browser.openPage('options.html#reports');
});

afterAll(async () => {
  await stack?.close();
});

async function goTo(section: string) {
  await page.getByRole('navigation').getByRole('link', { name: section }).click();
  await page.getByRole('heading', { level: 2, name: section }).waitFor();
}

describe('options page without an account', () => {
  it('points every section to the accounts section', async () => {
    for (const section of ['Reports & schedules', 'Bulk download', 'Archive history', 'Auto-archive']) {
      await goTo(section);
      await page.getByText('No merchant account yet').waitFor();
    }
    await saveScreenshot(page, 'options-no-account');
    await page.getByRole('link', { name: /Add an account/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Accounts and keys' }).waitFor();
    await addAccountByImport(page, {
      label: 'Demo Shop',
      region: 'na',
      publicKeyId: demo.publicKeyId,
      pem: fs.readFileSync(DEMO_PRIVATE_KEY_PATH, 'utf8'),
    });
  });
});

describe('options page: reports and schedules', () => {
  it('creates a report, follows it until Amazon completes it, and finds it downloaded', async () => {
    await goTo('Reports & schedules');
    const form = page.getByRole('form', { name: 'Create a report' });
    await form.getByLabel('Report type').selectOption({ label: 'Refund' });
    await form.getByRole('button', { name: 'Create report' }).click();
    const row = page.getByRole('table', { name: 'Requested reports' }).locator('tbody tr').first();
    await row.getByText('Amazon is preparing it…').waitFor();
    const reportId = (await row.getAttribute('data-report-id'))!;
    await row.getByText(/^Saved as Refund\//).waitFor({ timeout: 30_000 });

    const file = filesUnder(stack.browser.downloadDir).find((f) => f.endsWith(`_${reportId}.csv`));
    expect(file).toMatch(/^AmazonPay\/Demo Shop\/Refund\//);
    const full = path.join(stack.browser.downloadDir, file!);
    await waitForFile(full);
    const report = stack.emulator.admin.reports(demo.publicKeyId, 'live').find((r) => r.reportId === reportId)!;
    expect(report.processingStatus).toBe('COMPLETED');
    expect(sha256(full)).toBe(stack.emulator.admin.document(report.reportDocumentId!)!.sha256);
  });

  it('explains a report Amazon cancels for lack of data', async () => {
    const form = page.getByRole('form', { name: 'Create a report' });
    await form.getByLabel('From').fill('2023-01-01');
    await form.getByLabel('To').fill('2023-01-31');
    await form.getByRole('button', { name: 'Create report' }).click();
    const row = page.getByRole('table', { name: 'Requested reports' }).locator('tbody tr').first();
    await row.getByText('Cancelled: no data in that range').waitFor({ timeout: 30_000 });
  });

  it('refuses a bad range before asking Amazon', async () => {
    const form = page.getByRole('form', { name: 'Create a report' });
    const rows = page.getByRole('table', { name: 'Requested reports' }).locator('tbody tr');
    const rowsBefore = await rows.count();
    const requestsBefore = stack.emulator.admin.requests().length;
    const createReports = () =>
      stack.emulator.admin
        .requests()
        .slice(requestsBefore)
        .filter((r) => r.route === 'createReport');
    await form.getByLabel('From').fill('2023-02-10');
    await form.getByLabel('To').fill('2023-02-01');
    await form.getByRole('button', { name: 'Create report' }).click();
    await form.getByRole('alert').getByText('The start date must not be after the end date.').waitFor();

    // A valid range next, down the same path: once Amazon has that one, anything sent before it has arrived too.
    await form.getByLabel('From').fill('2023-02-01');
    await form.getByLabel('To').fill('2023-02-10');
    await form.getByRole('button', { name: 'Create report' }).click();
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(rowsBefore + 1);
    expect(createReports()).toHaveLength(1);
  });

  it('creates a schedule, enforces one per type, and cancels it', async () => {
    const schedules = page.getByRole('table', { name: 'Report schedules' });
    await schedules.getByText('Order reference').waitFor();
    const form = page.getByRole('form', { name: 'New schedule' });

    await form.getByLabel('Report type').selectOption({ label: 'Order reference' });
    await form.getByRole('button', { name: 'Create schedule' }).click();
    await form
      .getByRole('alert')
      .getByText(/already has a schedule/)
      .waitFor();

    const before = stack.emulator.admin.stats().requests.byRoute.createReportSchedule ?? 0;
    await form.getByLabel('Report type').selectOption({ label: 'Refund' });
    await form.getByLabel('Frequency').selectOption({ label: 'Every 7 days' });
    await form.getByRole('button', { name: 'Create schedule' }).click();
    await page.getByText('Schedule created.').waitFor();
    const refundRow = schedules.locator('tr', { hasText: 'Refund' });
    await expect.poll(() => refundRow.textContent()).toContain('Every 7 days');
    expect(stack.emulator.admin.stats().requests.byRoute.createReportSchedule).toBe(before + 1);
    await saveScreenshot(page, 'options-reports', { fullPage: true });

    await refundRow.getByRole('button', { name: 'Cancel the Refund schedule' }).click();
    await refundRow.getByRole('button', { name: 'Yes, cancel the Refund schedule' }).click();
    await page.getByText('Schedule cancelled.').waitFor();
    await expect.poll(() => schedules.locator('tr', { hasText: 'Refund' }).count()).toBe(0);
  });
});

describe('options page: auto-archive', () => {
  it('turns auto-archive on and shows the next run', async () => {
    await goTo('Auto-archive');
    const card = page.getByRole('article', { name: 'Demo Shop' });
    const toggle = card.getByRole('switch', { name: 'Archive new reports automatically' });
    await toggle.check();
    await expect.poll(() => card.locator('dl').textContent()).toMatch(/Next run\w{3} \d+, \d{4}/);
    expect(await toggle.isChecked()).toBe(true);
    await saveScreenshot(page, 'options-auto-archive');

    await page.reload();
    await expect
      .poll(() => page.getByRole('switch', { name: 'Archive new reports automatically' }).isChecked())
      .toBe(true);
    await page.emulateMedia({ colorScheme: 'dark' });
    await saveScreenshot(page, 'options-auto-archive-dark');
  });
});
