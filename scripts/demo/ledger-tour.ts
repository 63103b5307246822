import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { parseSettlementReport } from '../../utils/ledger/settlement';
import { PanelDriver } from '../../tests/e2e/fixtures/sellercentral/closed-shadow';
import type { DemoBrowser } from './browser';
import { DemoStepError } from './checks';

export interface ShownOrder {
  order: string;
  settlementId: string;
  currency: string;
}

/**
 * The order the tour looks up, read from the downloaded settlement files: a captured one, and among those one that
 * was also refunded in the same files when there is one (else one that met a chargeback or claim).
 */
export function pickOrder(files: string[]): ShownOrder {
  const orders = new Map<string, { categories: Set<string>; settlementId: string; currency: string }>();
  for (const file of files) {
    for (const row of parseSettlementReport(fs.readFileSync(file)).rows) {
      if (!row.amazonOrderReferenceId) continue;
      const seen = orders.get(row.amazonOrderReferenceId) ?? {
        categories: new Set<string>(),
        settlementId: row.settlementId,
        currency: row.currency,
      };
      seen.categories.add(row.category);
      if (row.category === 'capture') seen.settlementId = row.settlementId;
      orders.set(row.amazonOrderReferenceId, seen);
    }
  }
  // Capture → refund is the story most merchants look an order up for; another reversal is the next best.
  const score = (c: Set<string>) => (c.has('capture') ? 4 : 0) + (c.has('refund') ? 2 : 0) + (c.size > 1 ? 1 : 0);
  const best = [...orders].sort(([a, x], [b, y]) => score(y.categories) - score(x.categories) || (a < b ? -1 : 1))[0];
  if (!best || !best[1].categories.has('capture'))
    throw new DemoStepError('No order in the downloaded settlements has a capture to look up.');
  return { order: best[0], settlementId: best[1].settlementId, currency: best[1].currency };
}

/**
 * The ledger's views as PNGs, from the settlements captured at download: the list with its charts, a detail with
 * its checks and chart, an order's search timeline, and the same order looked up by the Seller Central panel on the
 * order's payment details page.
 */
export async function ledgerTour(browser: DemoBrowser, outDir: string, shown: ShownOrder): Promise<string[]> {
  const files: string[] = [];
  const shoot = async (page: Page, name: string, fullPage: boolean) => {
    const file = path.join(outDir, name);
    await page.screenshot({ path: file, fullPage });
    files.push(file);
  };

  const options = await browser.context.newPage();
  // Tall enough for a detail with its table, checks, chart and largest reversals in one picture.
  await options.setViewportSize({ width: 1280, height: 1500 });
  await options.goto(`chrome-extension://${browser.extensionId}/options.html#settlements`);
  await options.getByRole('heading', { level: 2, name: 'Settlements' }).waitFor();
  await options.getByRole('figure', { name: `Payouts and fees in ${shown.currency}` }).waitFor({ timeout: 30_000 });
  await shoot(options, 'settlements.png', false);

  await options.getByRole('button', { name: `Settlement ${shown.settlementId} (${shown.currency})` }).click();
  await options.locator('.ledger-detail .ledger-chart').waitFor();
  await options.locator('.ledger-checks li').nth(2).waitFor();
  await options.evaluate(() => scrollTo(0, 0));
  await shoot(options, 'settlement-detail.png', false);

  await options.getByRole('button', { name: 'Back to all settlements' }).click();
  // The search sits at the page's foot: a shorter window leaves no blank below the timeline.
  await options.setViewportSize({ width: 1280, height: 800 });
  await options.getByRole('searchbox').fill(shown.order);
  const timeline = options
    .getByRole('article')
    .filter({ has: options.getByRole('heading', { name: `Order ${shown.order}` }) });
  await timeline.waitFor();
  await timeline.evaluate((el) => el.scrollIntoView({ block: 'end' }));
  await shoot(options, 'settlement-search.png', false);
  await options.close();

  const sellerCentral = await browser.context.newPage();
  await sellerCentral.goto(`https://sellercentral.amazon.com/external-payments/pmd/payment-details/${shown.order}`);
  const panel = await PanelDriver.attach(sellerCentral);
  await panel.click('.rc-launcher');
  await panel.waitFor(`return root.querySelectorAll('.rc-lookup article li').length >= 2;`, [], 30_000);
  await shoot(sellerCentral, 'seller-central-order-lookup.png', false);
  await sellerCentral.close();
  return files;
}
