import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PRIVATE_KEY_PATH, SEEDED_MERCHANTS } from '../emulator/index';
import { PanelDriver } from './fixtures/sellercentral/closed-shadow';
import { sellerCentralHandlers } from './fixtures/sellercentral/serve';
import { saveScreenshot } from './harness';
import { addAccountByImport, filesUnder, sha256, startStack, waitForFile, type Stack } from './support/stack';

const live = SEEDED_MERCHANTS.find((m) => m.region === 'na' && m.environment === 'live')!;
const sandbox = SEEDED_MERCHANTS.find((m) => m.region === 'na' && m.environment === 'sandbox')!;
const US = 'https://sellercentral.amazon.com';
let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ hostHandlers: sellerCentralHandlers() });
  const options = await stack.browser.openPage('options.html');
  const pem = fs.readFileSync(DEMO_PRIVATE_KEY_PATH, 'utf8');
  await addAccountByImport(options, { label: 'Demo Shop', region: 'na', publicKeyId: live.publicKeyId, pem });
  await addAccountByImport(options, { label: 'Test Shop', region: 'na', publicKeyId: sandbox.publicKeyId, pem });
  await options.close();
});

afterAll(async () => {
  await stack?.close();
});

async function openSellerCentral(url: string): Promise<{ page: Page; panel: PanelDriver }> {
  const page = await stack.browser.context.newPage();
  await page.goto(url);
  return { page, panel: await PanelDriver.attach(page) };
}

/** In-page navigation through the look-alike's own links (history.pushState, no reload). */
async function navigateInPage(page: Page, linkText: string, pathname: string): Promise<void> {
  await page.getByRole('link', { name: linkText }).click();
  await expect.poll(() => page.evaluate(() => location.pathname)).toBe(pathname);
}

async function waitForHost(panel: PanelDriver, present: boolean): Promise<void> {
  await expect.poll(() => panel.hostPresent(), { timeout: 10_000 }).toBe(present);
}

/** Clicks Download on the first completed settlement row not yet downloaded, waits for the file; returns the report id. */
async function downloadOneSettlement(
  panel: PanelDriver,
  skip: string[] = [],
): Promise<{ reportId: string; file: string }> {
  const reportId = await panel.waitFor<string>(
    `
    const row = [...root.querySelectorAll('li.report')].find((li) => li.querySelector('.report-type')?.textContent === 'Settlement'
      && li.querySelector('.status-completed') && !args[0].includes(li.dataset.reportId));
    return row?.dataset.reportId;`,
    [skip],
  );
  await panel.click(`li.report[data-report-id="${reportId}"] .report-action button`);
  await panel.waitFor(
    `return root.querySelector('li.report[data-report-id="${reportId}"] .job-state')?.textContent.includes('Saved');`,
    [],
    30_000,
  );
  const found = filesUnder(stack.browser.downloadDir).find((f) => f.includes(reportId));
  expect(found, 'downloaded file').toMatch(/^AmazonPay\/Demo Shop\/Settlement\//);
  const file = path.join(stack.browser.downloadDir, found!);
  await waitForFile(file);
  const report = stack.emulator.admin.reports(live.publicKeyId, 'live').find((r) => r.reportId === reportId)!;
  expect(sha256(file)).toBe(stack.emulator.admin.document(report.reportDocumentId!)!.sha256);
  return { reportId, file };
}

describe('the Seller Central panel', () => {
  it.each([
    ['/gp/pyop/transactions/index.html', true],
    ['/external-payments/amazon-pay/integration-central', true],
    ['/home', false],
    ['/gp/homepage.html', false],
  ])('on %s shows the launcher: %s', async (pathname, shown) => {
    const { page, panel } = await openSellerCentral(`${US}${pathname}`);
    await page.waitForTimeout(shown ? 0 : 1000);
    await waitForHost(panel, shown);
    if (!shown) {
      // The script is running here: an in-page move to an Amazon Pay page brings the launcher.
      await navigateInPage(page, 'Transaction reports', '/gp/pyop/transactions/index.html');
      await waitForHost(panel, true);
    }
    await page.close();
  });

  it('lists the region’s reports and downloads one, byte for byte; screenshots light and dark', async () => {
    const { page, panel } = await openSellerCentral(`${US}/gp/pyop/transactions/index.html`);
    await panel.click('.rc-launcher');
    await panel.waitFor(`return root.querySelector('.updated')?.textContent.includes('Updated just now');`);
    expect(
      await panel.run<string[]>(
        `return [...root.querySelectorAll('.account-picker option')].map((o) => o.textContent);`,
      ),
    ).toEqual(['Demo Shop · Live', 'Test Shop · Sandbox']);
    await saveScreenshot(page, 'sellercentral-panel');
    await page.emulateMedia({ colorScheme: 'dark' });
    await saveScreenshot(page, 'sellercentral-panel-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    await downloadOneSettlement(panel);
    // Cancelling and "show in folder" are not among the panel's two messages, so the panel does not offer them.
    expect(
      await panel.run<number>(
        `return [...root.querySelectorAll('button')].filter((b) => b.offsetParent && /Show in folder|Cancel/.test(b.textContent)).length;`,
      ),
    ).toBe(0);
    await page.close();
  });

  it('keeps working through in-page navigation: to another Amazon Pay page, away and back', async () => {
    const { page, panel } = await openSellerCentral(`${US}/gp/pyop/transactions/index.html`);
    await panel.click('.rc-launcher');
    await panel.waitFor(`return root.querySelector('li.report');`);
    await navigateInPage(page, 'Integration Central', '/external-payments/amazon-pay/integration-central');
    expect(await panel.run<boolean>(`return !root.querySelector('.rc-panel').hidden;`)).toBe(true);
    await navigateInPage(page, 'Home', '/home');
    await waitForHost(panel, false);
    await navigateInPage(page, 'Transaction reports', '/gp/pyop/transactions/index.html');
    await waitForHost(panel, true);

    await panel.click('.rc-launcher');
    await panel.waitFor(`return root.querySelector('.updated')?.textContent.includes('Updated just now');`);
    const before = filesUnder(stack.browser.downloadDir);
    const { file } = await downloadOneSettlement(
      panel,
      before.map((f) => f.split('_').pop()!.replace('.csv', '')),
    );
    expect(before).not.toContain(path.relative(stack.browser.downloadDir, file));
    await page.close();
  });

  it('says when the region has no account, and its settings link opens the options page', async () => {
    const { page, panel } = await openSellerCentral(
      'https://sellercentral-japan.amazon.com/external-payments/sandbox/home',
    );
    await panel.click('.rc-launcher');
    const text = await panel.waitFor<string>(`return root.querySelector('.notice')?.innerText;`);
    expect(text).toContain('No account for Japan yet');
    await saveScreenshot(page, 'sellercentral-panel-no-account');

    const opened = stack.browser.context.waitForEvent('page', { predicate: (p) => p.url().endsWith('/options.html') });
    await panel.click('.notice a.rc-settings');
    const options = await opened;
    await expect.poll(() => options.locator('h1').first().textContent()).toContain('Report Courier');
    // The settings link page closes its own tab once it has opened the options page.
    await expect
      .poll(() => stack.browser.context.pages().filter((p) => p.url().endsWith('/open-settings.html')).length)
      .toBe(0);
    await options.close();
    await page.close();
  });
});
