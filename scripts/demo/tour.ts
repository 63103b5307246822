import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_PRIVATE_KEY_PATH, SEEDED_MERCHANTS, type RunningEmulator } from '../../tests/emulator/index';
import { PanelDriver } from '../../tests/e2e/fixtures/sellercentral/closed-shadow';
import { waitForLivePopup } from '../../tests/e2e/support/first-row';
import { addAccountByImport } from '../../tests/e2e/support/stack';
import type { DemoBrowser } from './browser';
import { booksTour } from './books-tour';
import { downloadSettlements } from './capture';
import { ledgerTour, pickOrder } from './ledger-tour';

/** Amazon Pay's transaction reports page, as the look-alike serves it on the mapped host. */
export const SELLER_CENTRAL_PAGE = 'https://sellercentral.amazon.com/gp/pyop/transactions/index.html';

/** The demo's accounts: the emulator's live merchants of North America (USD) and Europe (EUR). */
export const DEMO_ACCOUNTS = [
  { label: 'Demo Shop', region: 'na', currency: 'USD' },
  { label: 'Demo Shop EU', region: 'eu', currency: 'EUR' },
].map((a) => ({
  ...a,
  region: a.region as 'na' | 'eu',
  publicKeyId: SEEDED_MERCHANTS.find((m) => m.region === a.region && m.environment === 'live' && !m.legacy)!
    .publicKeyId,
}));

async function openExtensionPage(browser: DemoBrowser, file: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/${file}`);
  return page;
}

/** Adds the emulator's demo merchants through the real options page, importing their TEST-ONLY key by paste. */
export async function addDemoAccounts(browser: DemoBrowser): Promise<Page> {
  const options = await openExtensionPage(browser, 'options.html');
  for (const account of DEMO_ACCOUNTS)
    await addAccountByImport(options, {
      label: account.label,
      region: account.region,
      publicKeyId: account.publicKeyId,
      pem: fs.readFileSync(DEMO_PRIVATE_KEY_PATH, 'utf8'),
    });
  return options;
}

/** The popup as a 400 × 600 tab, once its fresh list is in. */
export async function openPopup(browser: DemoBrowser, sized: boolean): Promise<Page> {
  const popup = await openExtensionPage(browser, 'popup.html');
  if (sized) await popup.setViewportSize({ width: 400, height: 600 });
  await waitForLivePopup(popup);
  await popup.locator('li.report').first().waitFor({ timeout: 30_000 });
  await popup.getByText('Updated just now').waitFor({ timeout: 30_000 });
  return popup;
}

/** The Seller Central look-alike with the panel opened from its launcher and its list loaded. */
export async function openSellerCentralPanel(browser: DemoBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(SELLER_CENTRAL_PAGE);
  const panel = await PanelDriver.attach(page);
  await panel.click('.rc-launcher');
  await panel.waitFor(`return root.querySelector('.updated')?.textContent.includes('Updated just now');`, [], 30_000);
  return page;
}

/**
 * The headless tour, every step checked: the accounts, popup and Seller Central panel; every settlement of both
 * accounts downloaded into `downloads/` and captured into the ledger as it downloads; the ledger's views; the books'
 * exports of the last full month into `exports/` and the EU account's bank statement matched. Returns what it wrote.
 */
export async function screenshotTour(
  browser: DemoBrowser,
  emulator: RunningEmulator,
  out: { outDir: string; downloadDir: string },
  log: (line: string) => void,
): Promise<string[]> {
  fs.mkdirSync(out.outDir, { recursive: true });
  const files: string[] = [];
  const shoot = async (page: Page, name: string, fullPage: boolean) => {
    const file = path.join(out.outDir, name);
    await page.screenshot({ path: file, fullPage });
    files.push(file);
  };
  const options = await addDemoAccounts(browser);
  await shoot(options, 'options.png', true);
  const popup = await openPopup(browser, true);
  await shoot(popup, 'popup.png', false);
  await popup.close();
  const panel = await openSellerCentralPanel(browser);
  await shoot(panel, 'seller-central-panel.png', false);
  await panel.close();

  log("Downloading last month's settlements of both accounts, each read into the ledger as it downloads…");
  // The settlements of the last full month (UTC, with a day's margin for the accounts' time zones): what its
  // exports and its payouts need, in a third of the time all 90 days would take.
  const now = new Date(emulator.admin.now());
  const month = {
    from: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 0)),
    to: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 2)),
  };
  const captured = await downloadSettlements(
    options,
    DEMO_ACCOUNTS.map((a) => a.label),
    out.downloadDir,
    month,
  );
  const downloaded = (label: string) =>
    captured.find((c) => c.label === label)!.files.map((f) => path.join(out.downloadDir, f));
  files.push(...downloaded(DEMO_ACCOUNTS[0]!.label), ...downloaded(DEMO_ACCOUNTS[1]!.label));
  log(`Captured ${captured.reduce((n, c) => n + c.files.length, 0)} settlements; the ledger's views…`);
  files.push(...(await ledgerTour(browser, out.outDir, pickOrder(downloaded(DEMO_ACCOUNTS[0]!.label)))));

  log('The books: accounting settings, exports of the last full month, the bank statement…');
  const accounts = DEMO_ACCOUNTS.map((a) => ({ ...a, files: downloaded(a.label) }));
  files.push(
    ...(await booksTour(options, accounts, emulator, month, {
      outDir: out.outDir,
      downloadDir: out.downloadDir,
      exportDir: path.join(out.outDir, 'exports'),
      bankDir: path.join(out.outDir, 'bank'),
    })),
  );
  return files;
}
