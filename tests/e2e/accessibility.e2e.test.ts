import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PRIVATE_KEY_PATH } from '../emulator/index';
import { PanelDriver } from './fixtures/sellercentral/closed-shadow';
import { sellerCentralHandlers } from './fixtures/sellercentral/serve';
import { axeDocument, axePanel, checked, focused, SCHEMES, tabTo } from './support/axe';
import { openPopup as openPopupPage } from './support/popup';
import { addSeededAccount, filesUnder, seededMerchant, startStack, type Stack } from './support/stack';

/**
 * axe-core in the real browser, every rule including colour contrast, in both colour schemes; and the main flows
 * done with the keyboard alone.
 */
const pem = fs.readFileSync(DEMO_PRIVATE_KEY_PATH, 'utf8');
const europe = seededMerchant('eu');
const SECTIONS = ['accounts', 'bulk', 'history', 'auto-archive', 'reports'];

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ hostHandlers: sellerCentralHandlers() });
  await addSeededAccount(stack.browser, 'Demo Shop', 'na');
});

afterAll(async () => {
  await stack?.close();
});

/** The live popup, once its list is refreshed: what axe and the keyboard see is the settled view. */
async function openPopup(): Promise<Page> {
  const popup = await openPopupPage(stack.browser);
  await expect.poll(() => popup.locator('.updated').textContent(), { timeout: 15_000 }).toContain('Updated just now');
  return popup;
}

describe('axe in Chromium, colour contrast included', () => {
  it.each(SCHEMES)('popup (%s): the list, a notice and the open type picker', async (colorScheme) => {
    const popup = await openPopup();
    await popup.emulateMedia({ colorScheme });
    expect(await axeDocument(popup)).toEqual([]);
    await popup.locator('.type-picker summary').click();
    expect(await axeDocument(popup)).toEqual([]);
    await popup.close();
  });

  it.each(SCHEMES)('options (%s): every section and the account form', async (colorScheme) => {
    const options = await stack.browser.openPage('options.html');
    await options.emulateMedia({ colorScheme });
    for (const section of SECTIONS) {
      await options.goto(`chrome-extension://${stack.browser.extensionId}/options.html#${section}`);
      await options.locator(`#section-${section}`).waitFor();
      await expect.poll(() => options.getByText('Loading…').count()).toBe(0);
      expect(await axeDocument(options), section).toEqual([]);
    }
    // States that only follow an action: a connection verdict, the remove confirmation, a bulk preview, a form
    // with its errors.
    await options.goto(`chrome-extension://${stack.browser.extensionId}/options.html#accounts`);
    await options.getByRole('button', { name: 'Test connection' }).click();
    await options.getByText('Connected', { exact: true }).waitFor();
    await options.getByRole('button', { name: 'Remove', exact: true }).click();
    await options.getByRole('button', { name: 'Remove account and key' }).waitFor();
    expect(await axeDocument(options), 'verdict and remove confirmation').toEqual([]);
    await options.reload();
    await options.getByRole('button', { name: 'Add account' }).click();
    await options.getByLabel('Import a .pem file').check();
    await options.getByRole('button', { name: 'Save account' }).click();
    await options.getByText('Give the account a name').waitFor();
    expect(await axeDocument(options), 'account form with errors').toEqual([]);
    await options.goto(`chrome-extension://${stack.browser.extensionId}/options.html#bulk`);
    await options.getByRole('button', { name: 'Check' }).click();
    await options.getByRole('table', { name: 'Matching reports' }).waitFor();
    expect(await axeDocument(options), 'bulk preview').toEqual([]);
    await options.close();
  });

  // The panel lives in a closed shadow root; axePanel measures it where it is drawn.
  it.each(SCHEMES)('Seller Central panel (%s)', async (colorScheme) => {
    const page = await stack.browser.context.newPage();
    await page.emulateMedia({ colorScheme });
    await page.goto('https://sellercentral.amazon.com/gp/pyop/transactions/index.html');
    const panel = await PanelDriver.attach(page);
    await panel.click('.rc-launcher');
    await panel.waitFor(`return root.querySelectorAll('li.report').length > 0;`);
    const outcome = await axePanel(page, panel);
    // Measured inside the panel: its header, filters and every report row's text.
    expect(outcome.contrastPassed).toBeGreaterThan(20);
    expect(checked(outcome)).toEqual([]);
    await page.close();
  });
});

describe('keyboard only', () => {
  it('popup: filters, the type picker (Enter/Space open, Escape closes) and a download with Enter', async () => {
    const popup = await openPopup();
    const status = popup.getByRole('combobox', { name: 'Status' });

    await tabTo(popup, (f) => f.tag === 'summary', 'the type picker');
    await popup.keyboard.press('Enter');
    expect(await popup.locator('.type-picker').getAttribute('open')).not.toBeNull();
    const first = await tabTo(popup, (f) => f.type === 'checkbox', 'a report type');
    await popup.keyboard.press('Space');
    await expect.poll(() => popup.locator('.type-picker summary').textContent()).toBe(first.name);
    await popup.keyboard.press('Escape');
    expect(await popup.locator('.type-picker').getAttribute('open')).toBeNull();
    expect((await focused(popup)).tag).toBe('summary');
    await popup.keyboard.press('Space');
    expect(await popup.locator('.type-picker').getAttribute('open')).not.toBeNull();
    await popup.keyboard.press('Escape');
    expect(await popup.locator('.type-picker').getAttribute('open')).toBeNull();

    await tabTo(popup, (f) => f.tag === 'select', 'the status filter');
    await popup.keyboard.press('ArrowDown');
    await expect.poll(() => status.inputValue()).toBe('COMPLETED');

    const download = await tabTo(
      popup,
      (f) => f.tag === 'button' && /^Download .+ report /.test(f.name),
      'a report’s Download',
    );
    const reportId = download.name.split(' ').pop()!;
    await popup.keyboard.press('Enter');
    const row = popup.locator(`li.report[data-report-id="${reportId}"]`);
    await row.getByText('Saved', { exact: true }).waitFor({ timeout: 30_000 });
    expect(filesUnder(stack.browser.downloadDir).some((f) => f.endsWith(`_${reportId}.csv`))).toBe(true);
    // The row's saved state and its "Show in folder" link, and the filtered list, pass axe too.
    expect(await axeDocument(popup)).toEqual([]);
    await popup.close();
  });

  it('options: adds an account with the keyboard alone', async () => {
    const options = await stack.browser.openPage('options.html#accounts');
    await options.getByRole('button', { name: 'Add account' }).waitFor();
    await tabTo(options, (f) => f.tag === 'button' && f.name === 'Add account', 'Add account');
    await options.keyboard.press('Enter');
    await tabTo(options, (f) => f.tag === 'input' && f.name === 'Name', 'the name field');
    await options.keyboard.type('Keyboard Shop');
    await tabTo(options, (f) => f.tag === 'select' && f.name.startsWith('Region'), 'the region');
    await options.keyboard.press('ArrowDown');
    await expect.poll(() => options.getByLabel('Region').inputValue()).toBe('eu');
    let radio = await tabTo(options, (f) => f.type === 'radio', 'the key source');
    for (let i = 0; i < 3 && radio.name !== 'Import a .pem file'; i++) {
      await options.keyboard.press('ArrowDown');
      radio = await focused(options);
    }
    expect(radio.name).toBe('Import a .pem file');
    await tabTo(options, (f) => f.tag === 'textarea', 'the key text');
    // What Ctrl+V does: the key arrives as one text input.
    await options.keyboard.insertText(pem);
    await tabTo(options, (f) => f.tag === 'button' && f.name === 'Import key', 'Import key');
    await options.keyboard.press('Enter');
    await options.getByText('Key ready.').waitFor();
    await tabTo(options, (f) => f.tag === 'input' && f.name === 'Public Key ID', 'the Public Key ID');
    await options.keyboard.type(europe.publicKeyId);
    await tabTo(options, (f) => f.tag === 'button' && f.name === 'Save account', 'Save account');
    await options.keyboard.press('Enter');
    await options.getByText('Account "Keyboard Shop" added.').waitFor();
    await options.close();
  });
});
