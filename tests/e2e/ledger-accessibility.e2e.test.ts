import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCamt053 } from '../emulator/bank-statement';
import { PanelDriver } from './fixtures/sellercentral/closed-shadow';
import { sellerCentralHandlers } from './fixtures/sellercentral/serve';
import { saveScreenshot } from './harness';
import { axeDocument, axePanel, checked, focused, SCHEMES, tabTo, type Focus } from './support/axe';
import { completedReports, driveAccount, startBulk, waitForBatch } from './support/driver';
import { EU_FIXTURE_PAYOUT } from '../fixtures/ledger/eu-payout';
import { ledgerFixtures, openSettlementsSection } from './support/ledger';
import { startStack, type Stack } from './support/stack';

/**
 * The ledger and the books under axe-core (every rule, colour contrast included) in both colour schemes: the
 * settlement list with its import and capture cards, a detail with its checks and chart, an order's timeline, the
 * popup's last payout, the Seller Central order look-up and the books sections. And the ledger's paths done with
 * the keyboard alone.
 */

const fixtures = ledgerFixtures('settlement-us.csv', 'settlement-jp.csv', 'settlement-eu-windows-1252-crlf.csv');
const ORDER = 'P01-7730114-0091826';
const SETTLEMENT = '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_';
let stack: Stack;
let options: Page;

beforeAll(async () => {
  stack = await startStack({ hostHandlers: sellerCentralHandlers() });
  options = await openSettlementsSection(stack);
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
  await expect.poll(() => options.getByText('Loading…').count(), { timeout: 20_000 }).toBe(0);
}

/** Downloads one settlement report (once), after which the capture card offers to read settlements too. */
let settlementDownloaded = false;
async function downloadASettlement(): Promise<void> {
  if (settlementDownloaded) return;
  const driver = await driveAccount(stack, 'Capture Shop', 'na');
  const [settlement] = (await completedReports(driver)).filter((r) => r.reportType === SETTLEMENT);
  const final = await waitForBatch(driver.send, await startBulk(driver, [settlement!]), 60_000);
  expect(final.batch.counts.done).toBe(1);
  await driver.page.close();
  settlementDownloaded = true;
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

  it.each(SCHEMES)(
    "settlements (%s): capture at download's offer, once a settlement was downloaded",
    async (scheme) => {
      await downloadASettlement();
      await options.emulateMedia({ colorScheme: scheme });
      await showSection('settlements');
      const card = options.getByRole('region', { name: 'Read settlements as they download' });
      await card.getByRole('button', { name: 'Read them too' }).waitFor();
      expect(await axeDocument(options)).toEqual([]);
    },
  );

  it.each(SCHEMES)('books (%s): accounting, exports and bank', async (scheme) => {
    await options.emulateMedia({ colorScheme: scheme });
    for (const section of ['accounting', 'exports', 'bank']) {
      await showSection(section);
      expect(await axeDocument(options), section).toEqual([]);
      await saveScreenshot(options, `a11y-books-${section}-${scheme}`, { fullPage: true });
    }
  });

  it.each(SCHEMES)('books (%s): a refused accounting form and a matched bank statement', async (scheme) => {
    await options.emulateMedia({ colorScheme: scheme });
    await showSection('accounting');
    const form = options.getByRole('form', { name: 'Demo Shop' });
    await form.getByLabel(/Beraternummer/).fill('12');
    await form.getByRole('button', { name: 'Save accounting settings' }).click();
    await form.getByText('Not saved: change what is marked').waitFor();
    expect(await axeDocument(options), 'refused form').toEqual([]);
    // The bank match reads the settlements of the seller id saved here: the EU fixture's.
    await form.getByLabel('Seller ID in the settlement reports').fill('A2EUSELLER');
    await form.getByLabel(/Beraternummer/).fill('29098');
    await form.getByLabel(/Mandantennummer/).fill('4711');
    await form.getByRole('button', { name: 'Save accounting settings' }).click();
    await form.getByText('Saved.').waitFor();

    // The EU fixture's payout, booked at the bank.
    const statement = path.join(stack.browser.downloadDir, '..', 'camt053-a11y.xml');
    fs.writeFileSync(statement, writeCamt053([EU_FIXTURE_PAYOUT], 'DE02120300000000202051', 'EUR'));
    await showSection('bank');
    await options.locator('input[type="file"]').setInputFiles(statement);
    await options.getByRole('table', { name: /^Matched \(1\)/ }).waitFor();
    expect(await axeDocument(options), 'bank match').toEqual([]);
    await saveScreenshot(options, `a11y-books-bank-match-${scheme}`, { fullPage: true });
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

const button = (name: string) => (f: Focus) => f.tag === 'button' && f.name === name;

/** The focus after an action that moves it (opening or leaving a detail), once it has moved. */
async function focusSettlesOn(name: string): Promise<Focus> {
  await expect.poll(async () => (await focused(options)).name).toBe(name);
  return focused(options);
}

describe('keyboard only in the ledger', () => {
  it("opens the import's file picker with Enter and imports what it picks", async () => {
    await options.emulateMedia({ colorScheme: 'light' });
    await showSection('settlements');
    // Listening first: the browser is told to hand the dialog to the test while Tab moves to the button.
    const chooser = options.waitForEvent('filechooser');
    await tabTo(options, button('Import files…'), 'Import files…');
    await options.keyboard.press('Enter');
    await (await chooser).setFiles(fixtures);
    await options.getByText('0 imported, 3 already known, 0 in conflict.').waitFor();
  });

  it("opens a detail from the list, reaches its checks and the chart's figures, and gets back", async () => {
    await showSection('settlements');
    await options.getByRole('table', { name: 'Settlements' }).locator('tbody tr').nth(2).waitFor();
    await tabTo(options, button('Settlement 7301234567 (USD)'), 'the USD settlement');
    await options.keyboard.press('Enter');
    const title = await focusSettlesOn('Settlement 7301234567 (USD)');
    expect(title).toMatchObject({ tag: 'h3', indicated: true });

    // From the title, Tab passes the checks and stops on the chart's figures, which it shows.
    const figures = 'Payout and fees of each settlement in USD';
    await tabTo(options, (f) => f.tag === 'div' && f.name.startsWith(figures), "the chart's figures");
    const table = options.getByRole('region', { name: figures });
    expect(await table.getByRole('row').nth(1).innerText()).toMatch(/7301234567\s+\$1,204\.17\s+-\$38\.05/);
    const shown = await table.evaluate((el) => {
      const box = el.getBoundingClientRect();
      return box.width > 200 && box.height > 40 && box.top >= 0 && box.bottom <= innerHeight;
    });
    expect(shown).toBe(true);
    const checks = options.locator('.ledger-detail .ledger-checks');
    expect(await checks.isVisible()).toBe(true);
    expect(await checks.innerText()).toContain('Unexplained difference -$54.83');
    await saveScreenshot(options, 'keyboard-ledger-chart-figures');

    await tabTo(options, button('Back to all settlements'), 'Back', { backwards: true });
    await options.keyboard.press('Enter');
    expect(await focusSettlesOn('Settlement 7301234567 (USD)')).toMatchObject({ tag: 'button', indicated: true });
  });

  it("opens an order's row from its timeline and gets back to the timeline", async () => {
    await showSection('settlements');
    await tabTo(options, (f) => f.tag === 'input' && f.type === 'search', 'the search');
    await options.keyboard.type(ORDER);
    const row = 'settlement 7301234567, line 12';
    await options.getByRole('button', { name: row }).waitFor();
    await tabTo(options, button(row), 'the refund row');
    await options.keyboard.press('Enter');
    await options.getByText(/^Line 12: Refunds/).waitFor();
    await focusSettlesOn('Settlement 7301234567 (USD)');
    await tabTo(options, button('Back to all settlements'), 'Back', { backwards: true });
    await options.keyboard.press('Enter');
    expect(await focusSettlesOn(row)).toMatchObject({ tag: 'button', indicated: true });
  });
});
