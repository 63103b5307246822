import path from 'node:path';
import type { Page } from 'playwright-core';
import { PanelDriver } from '../../tests/e2e/fixtures/sellercentral/closed-shadow';
import type { DemoBrowser } from './browser';

const root = path.resolve(import.meta.dirname, '../..');
/** Settlement files in the real layout with our own values (a US and a Japanese one). */
const SETTLEMENTS = ['settlement-us.csv', 'settlement-jp.csv'].map((name) =>
  path.join(root, 'tests/fixtures/ledger', name),
);
const ORDER = 'P01-7730114-0091826';

/**
 * The ledger's views as PNGs: settlements imported through the options page's file picker, the list with its
 * charts, a detail with its checks and chart, an order's search timeline, and the same order looked up by the
 * Seller Central panel on the order's payment details page. Needs the demo account (the panel's region).
 */
export async function ledgerTour(browser: DemoBrowser, outDir: string): Promise<string[]> {
  const files: string[] = [];
  const shoot = async (page: Page, name: string, fullPage: boolean) => {
    const file = path.join(outDir, name);
    await page.screenshot({ path: file, fullPage });
    files.push(file);
  };

  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html#settlements`);
  await options.getByRole('heading', { level: 2, name: 'Settlements' }).waitFor();
  await options.locator('input[type="file"]:not([webkitdirectory])').setInputFiles(SETTLEMENTS);
  await options.getByRole('figure', { name: 'Payouts and fees in USD' }).waitFor({ timeout: 30_000 });
  await shoot(options, 'settlements.png', true);

  await options.getByRole('button', { name: 'Settlement 7301234567 (USD)' }).click();
  await options.locator('.ledger-detail .ledger-chart').waitFor();
  await options.getByText(/rows that could explain it/).waitFor();
  await shoot(options, 'settlement-detail.png', true);

  await options.getByRole('button', { name: 'Back to all settlements' }).click();
  await options.getByRole('searchbox').fill(ORDER);
  await options
    .getByRole('article')
    .getByRole('heading', { name: `Order ${ORDER}` })
    .waitFor();
  await options.getByRole('article').scrollIntoViewIfNeeded();
  await shoot(options, 'settlement-search.png', false);
  await options.close();

  const sellerCentral = await browser.context.newPage();
  await sellerCentral.goto(`https://sellercentral.amazon.com/external-payments/pmd/payment-details/${ORDER}`);
  const panel = await PanelDriver.attach(sellerCentral);
  await panel.click('.rc-launcher');
  await panel.waitFor(`return root.querySelectorAll('.rc-lookup article li').length === 3;`, [], 30_000);
  await shoot(sellerCentral, 'seller-central-order-lookup.png', false);
  await sellerCentral.close();
  return files;
}
