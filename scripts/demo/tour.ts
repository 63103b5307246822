import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_PRIVATE_KEY_PATH, SEEDED_MERCHANTS } from '../../tests/emulator/index';
import { PanelDriver } from '../../tests/e2e/fixtures/sellercentral/closed-shadow';
import { waitForLivePopup } from '../../tests/e2e/support/first-row';
import { addAccountByImport } from '../../tests/e2e/support/stack';
import type { DemoBrowser } from './browser';
import { ledgerTour } from './ledger-tour';

/** Amazon Pay's transaction reports page, as the look-alike serves it on the mapped host. */
export const SELLER_CENTRAL_PAGE = 'https://sellercentral.amazon.com/gp/pyop/transactions/index.html';
const merchant = SEEDED_MERCHANTS.find((m) => m.region === 'na' && m.environment === 'live')!;

async function openExtensionPage(browser: DemoBrowser, file: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/${file}`);
  return page;
}

/** Adds the emulator's demo merchant through the real options page, importing its TEST-ONLY key by paste. */
export async function addDemoAccount(browser: DemoBrowser): Promise<Page> {
  const options = await openExtensionPage(browser, 'options.html');
  await addAccountByImport(options, {
    label: 'Demo Shop',
    region: 'na',
    publicKeyId: merchant.publicKeyId,
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

/** The headless tour: the three views and the ledger's as PNGs in `outDir`; returns their paths. */
export async function screenshotTour(browser: DemoBrowser, outDir: string): Promise<string[]> {
  fs.mkdirSync(outDir, { recursive: true });
  const shots: Array<[string, () => Promise<Page>, boolean]> = [
    ['options.png', () => addDemoAccount(browser), true],
    ['popup.png', () => openPopup(browser, true), false],
    ['seller-central-panel.png', () => openSellerCentralPanel(browser), false],
  ];
  const files: string[] = [];
  for (const [name, open, fullPage] of shots) {
    const page = await open();
    const file = path.join(outDir, name);
    await page.screenshot({ path: file, fullPage });
    files.push(file);
    await page.close();
  }
  files.push(...(await ledgerTour(browser, outDir)));
  return files;
}
