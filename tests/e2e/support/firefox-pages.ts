import type { Page } from 'puppeteer-core';
import type { AccountInput } from './stack';

/** Sets a field's value as typing would (one `input` event), without sending a 1.7 KB PEM key by key over BiDi. */
export async function fill(page: Page, selector: string, value: string): Promise<void> {
  const field = await page.waitForSelector(selector);
  await field!.evaluate((el, v) => {
    (el as HTMLInputElement).value = v;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

const inForm = (label: string, tag = 'input') => `::-p-xpath(//form[@aria-label="Add account"]//label[contains(., "${label}")]//${tag})`;

/** Adds an account through the real options page, importing its key by paste (Firefox twin of `addAccountByImport`). */
export async function addAccountInFirefox(page: Page, input: AccountInput): Promise<void> {
  // With no accounts yet the page opens the form by itself, once the background has answered.
  const addButton = '::-p-xpath(//button[normalize-space()="Add account"])';
  await page.waitForFunction(() => document.querySelector('form[aria-label="Add account"]')
    || [...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === 'Add account'));
  if (!(await page.$('form[aria-label="Add account"]'))) await page.click(addButton);
  await page.waitForSelector('form[aria-label="Add account"]');
  await fill(page, inForm('Name'), input.label);
  await page.select(inForm('Region', 'select'), input.region);
  await page.click(inForm('Import a .pem file'));
  await fill(page, inForm('Paste the private key', 'textarea'), input.pem);
  await page.click('::-p-xpath(//form[@aria-label="Add account"]//button[normalize-space()="Import key"])');
  await page.waitForSelector('::-p-text(Key ready.)');
  await fill(page, inForm('Public Key ID'), input.publicKeyId);
  await page.click('::-p-xpath(//form[@aria-label="Add account"]//button[normalize-space()="Save account"])');
  await page.waitForSelector(`::-p-text(Account "${input.label}" added.)`);
}

/** Resolves once `selector`'s text contains `text`. */
export async function waitForText(page: Page, selector: string, text: string, timeout = 20_000): Promise<void> {
  await page.waitForFunction((s, t) => document.querySelector(s)?.textContent?.includes(t), { timeout }, selector, text);
}
