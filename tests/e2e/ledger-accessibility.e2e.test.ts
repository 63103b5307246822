import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PRIVATE_KEY_PATH, SEEDED_MERCHANTS } from '../emulator/index';
import { PanelDriver } from './fixtures/sellercentral/closed-shadow';
import { sellerCentralHandlers } from './fixtures/sellercentral/serve';
import { repoRoot, saveScreenshot } from './harness';
import { axeDocument, axePanel, checked, SCHEMES } from './support/axe';
import { addAccountByImport, startStack, type Stack } from './support/stack';

/**
 * The ledger and the books under axe-core (every rule, colour contrast included) in both colour schemes: the
 * settlement list with its import and capture cards, a detail with its checks and chart, an order's timeline, the
 * popup's last payout, the Seller Central order look-up and the books sections.
 */

const live = SEEDED_MERCHANTS.find((m) => m.region === 'na' && m.environment === 'live')!;
const fixtures = ['settlement-us.csv', 'settlement-jp.csv', 'settlement-eu-windows-1252-crlf.csv'].map((name) =>
  path.join(repoRoot, 'tests/fixtures/ledger', name),
);
const ORDER = 'P01-7730114-0091826';
let stack: Stack;
let options: Page;

beforeAll(async () => {
  stack = await startStack({ hostHandlers: sellerCentralHandlers() });
  options = await stack.browser.openPage('options.html');
  const pem = fs.readFileSync(DEMO_PRIVATE_KEY_PATH, 'utf8');
  await addAccountByImport(options, { label: 'Demo Shop', region: 'na', publicKeyId: live.publicKeyId, pem });
  await options.getByRole('navigation').getByRole('link', { name: 'Settlements' }).click();
  await options.getByRole('heading', { level: 2, name: 'Settlements' }).waitFor();
  await options.locator('input[type="file"]:not([webkitdirectory])').setInputFiles(fixtures);
  await options.getByText('3 imported, 0 already known, 0 in conflict.').waitFor();
});

afterAll(async () => {
  await stack?.close();
});

/** A fresh load of the section (a hash change alone would keep a detail or a search open). */
async function showSection(section: string): Promise<void> {
  await options.goto('about:blank');
  await options.goto(`chrome-extension://${stack.browser.extensionId}/options.html#${section}`);
  await options.locator(`#section-${section}`).waitFor();
  await expect.poll(() => options.getByText('Loading…').count()).toBe(0);
}

describe('axe over the ledger and the books, colour contrast included', () => {
  it.each(SCHEMES)('settlements (%s): list, import, capture card, charts, a detail and a timeline', async (scheme) => {
    await options.emulateMedia({ colorScheme: scheme });
    await showSection('settlements');
    await options.getByRole('table', { name: 'Settlements' }).locator('tbody tr').nth(2).waitFor();
    await options.getByRole('figure', { name: 'Payouts and fees in USD' }).waitFor();
    expect(await axeDocument(options), 'list').toEqual([]);

    await options.getByRole('button', { name: 'Settlement 7301234567 (USD)' }).click();
    const detail = options.locator('.ledger-detail');
    await detail.getByText(/Unexplained difference/).waitFor();
    await detail.getByRole('figure', { name: 'Payouts and fees in USD' }).waitFor();
    expect(await axeDocument(options), 'detail').toEqual([]);
    await saveScreenshot(options, `a11y-ledger-detail-${scheme}`, { fullPage: true });

    await options.getByRole('button', { name: 'Back to all settlements' }).click();
    await options.getByRole('searchbox').fill(ORDER);
    await options
      .getByRole('article')
      .getByRole('heading', { name: `Order ${ORDER}` })
      .waitFor();
    expect(await axeDocument(options), 'search timeline').toEqual([]);
    await saveScreenshot(options, `a11y-ledger-timeline-${scheme}`, { fullPage: true });
  });

  it.each(SCHEMES)('books (%s): accounting, exports and bank', async (scheme) => {
    await options.emulateMedia({ colorScheme: scheme });
    for (const section of ['accounting', 'exports', 'bank']) {
      await showSection(section);
      expect(await axeDocument(options), section).toEqual([]);
      await saveScreenshot(options, `a11y-books-${section}-${scheme}`, { fullPage: true });
    }
  });

  it.each(SCHEMES)("popup (%s): the last payout's line", async (scheme) => {
    const popup = await stack.browser.openPage('popup.html');
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.locator('.last-payout').waitFor();
    await expect.poll(() => popup.locator('.updated').textContent(), { timeout: 15_000 }).toContain('Updated just now');
    expect(await axeDocument(popup)).toEqual([]);
    await popup.close();
  });

  it.each(SCHEMES)('Seller Central panel (%s): the order look-up', async (scheme) => {
    const page = await stack.browser.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`https://sellercentral.amazon.com/external-payments/pmd/payment-details/${ORDER}`);
    const panel = await PanelDriver.attach(page);
    await panel.click('.rc-launcher');
    await panel.waitFor(`return root.querySelectorAll('.rc-lookup article li').length === 3;`);
    const outcome = await axePanel(page, panel);
    expect(checked(outcome)).toEqual([]);
    await saveScreenshot(page, `a11y-sellercentral-order-${scheme}`);
    await page.close();
  });
});
