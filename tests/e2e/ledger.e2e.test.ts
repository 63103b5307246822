import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PanelDriver } from './fixtures/sellercentral/closed-shadow';
import { sellerCentralHandlers } from './fixtures/sellercentral/serve';
import { saveScreenshot } from './harness';
import { ledgerFixtures, openSettlementsSection } from './support/ledger';
import { startStack, type Stack } from './support/stack';

/** The ledger in the real extension: import on the options page, list, detail with chart, search, popup line, panel look-up. */

const fixtures = ledgerFixtures('settlement-us.csv', 'settlement-jp.csv');
const ORDER = 'P01-7730114-0091826';
let stack: Stack;
let options: Page;

beforeAll(async () => {
  stack = await startStack({ hostHandlers: sellerCentralHandlers() });
  options = await openSettlementsSection(stack);
});

afterAll(async () => {
  await stack?.close();
});

const listRows = () => options.getByRole('table', { name: 'Settlements' }).locator('tbody tr');

describe('settlements on the options page', () => {
  it('imports files through the picker and lists one line per settlement with its light; again is a no-op', async () => {
    await options.locator('input[type="file"]:not([webkitdirectory])').setInputFiles(fixtures);
    await options.getByText('2 imported, 0 already known, 0 in conflict.').waitFor();
    await expect.poll(() => listRows().count()).toBe(2);
    expect(await listRows().first().innerText()).toContain('Settlement 9100001234 (JPY)');
    expect(await listRows().nth(1).innerText()).toMatch(/\$1,204\.17\s+Needs a look/);
    await options.getByRole('figure', { name: 'Payouts and fees in USD' }).waitFor();
    await saveScreenshot(options, 'ledger-settlements', { fullPage: true });

    await options.locator('input[type="file"]:not([webkitdirectory])').setInputFiles(fixtures);
    await options.getByText('0 imported, 2 already known, 0 in conflict.').waitFor();
    expect(await listRows().count()).toBe(2);
  });

  it('opens a detail with its checks and chart; dark and print views', async () => {
    await options.getByRole('button', { name: 'Settlement 7301234567 (USD)' }).click();
    const detail = options.locator('.ledger-detail');
    await detail
      .getByText('Unexplained difference -$54.83; rows that could explain it: lines 8, 15, 16, 17.')
      .waitFor();
    const chart = detail.getByRole('figure', { name: 'Payouts and fees in USD' });
    expect(await chart.locator('.chart-slot.is-current rect.chart-payout').count()).toBe(1);
    const bar = await chart.locator('.chart-slot.is-current rect.chart-payout').boundingBox();
    expect(bar!.height).toBeGreaterThan(50);
    await saveScreenshot(options, 'ledger-settlement-detail', { fullPage: true });
    await options.emulateMedia({ colorScheme: 'dark' });
    await saveScreenshot(options, 'ledger-settlement-detail-dark', { fullPage: true });
    await options.emulateMedia({ colorScheme: 'light', media: 'print' });
    expect(await options.getByRole('navigation').isVisible()).toBe(false);
    expect(await options.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    expect(await chart.isVisible()).toBe(true);
    await saveScreenshot(options, 'ledger-settlement-print', { fullPage: true });
    await options.emulateMedia({ media: 'screen' });
  });

  it('searches an order id from the keyboard and opens the settlement at the refund row', async () => {
    await options.getByRole('button', { name: 'Back to all settlements' }).click();
    await options.getByRole('searchbox').focus();
    await options.keyboard.type(ORDER);
    const timeline = options.getByRole('article');
    await timeline.getByRole('heading', { name: `Order ${ORDER}` }).waitFor();
    const steps = await timeline.getByRole('listitem').allInnerTexts();
    expect(steps[0]).toMatch(/^Captures \$49\.90, fee -\$1\.75, net \$48\.15/);
    expect(steps[1]).toMatch(/^Refunds -\$20\.00, fee \$0\.58, net -\$19\.42/);
    expect(steps[2]).toMatch(/^Payout to bank \$1,204\.17 with settlement 7301234567/);
    await saveScreenshot(options, 'ledger-search-timeline', { fullPage: true });
    const open = timeline.getByRole('button', { name: 'settlement 7301234567, line 12' });
    await open.focus();
    await options.keyboard.press('Enter');
    await options.getByText(/^Line 12: Refunds -\$20\.00, fee \$0\.58, net -\$19\.42/).waitFor();
  });

  it("the popup shows the newest settlement's payout and light in one line", async () => {
    const popup = await stack.browser.openPage('popup.html');
    const line = popup.locator('.last-payout');
    await line.waitFor();
    expect(await line.innerText()).toMatch(/^Last payout ¥12,344 on Mar 31, 2026\s+Adds up$/);
    await saveScreenshot(popup, 'ledger-popup-last-payout');
    await popup.close();
  });
});

describe('the order on a Seller Central page', () => {
  it("shows that order's timeline from the ledger in the panel, without a text field", async () => {
    const page = await stack.browser.context.newPage();
    await page.goto(`https://sellercentral.amazon.com/external-payments/pmd/payment-details/${ORDER}`);
    const panel = await PanelDriver.attach(page);
    await panel.click('.rc-launcher');
    const steps = await panel.waitFor<string[]>(
      `const items = [...root.querySelectorAll('.rc-lookup article li')].map((li) => li.textContent);
       return items.length === 3 ? items : undefined;`,
    );
    expect(await panel.run<string>(`return root.querySelector('.rc-lookup h4').textContent;`)).toBe(`Order ${ORDER}`);
    expect(steps[0]).toMatch(
      /^Captures \$49\.90, fee -\$1\.75, net \$48\.15, posted .*settlement 7301234567, line 10$/,
    );
    expect(steps[2]).toMatch(/^Payout to bank \$1,204\.17 with settlement 7301234567/);
    expect(
      await panel.run<number>(
        `return root.querySelectorAll('input:not([type]), input[type="text"], input[type="search"], textarea, [contenteditable]').length;`,
      ),
    ).toBe(0);
    await saveScreenshot(page, 'ledger-sellercentral-order');
    await page.emulateMedia({ colorScheme: 'dark' });
    await saveScreenshot(page, 'ledger-sellercentral-order-dark');
    await page.close();
  });

  it("looks up only the page region's settlements", async () => {
    const page = await stack.browser.context.newPage();
    await page.goto('https://sellercentral.amazon.com/external-payments/pmd/payment-details/S03-6604218-0093315');
    const panel = await PanelDriver.attach(page);
    await panel.click('.rc-launcher');
    const text = await panel.waitFor<string>(
      `return root.querySelector('.rc-lookup [aria-live]')?.textContent.includes('not in the settlements') && root.querySelector('.rc-lookup').textContent;`,
    );
    expect(text).toContain('S03-6604218-0093315 is not in the settlements imported for this region.');
    await page.close();
  });
});
