import { ProtocolError, type Page } from 'puppeteer-core';
import type { AccountInput } from './stack';

function causedByProtocolError(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) if (e instanceof ProtocolError) return true;
  return false;
}

/**
 * Polls `check` from here with short queries instead of puppeteer's in-page waiters: on a busy machine Firefox's
 * BiDi sometimes ends a long-running page evaluation with a protocol error ("right-hand side of 'in' should be
 * an object, got null") rather than a result. A short query that hits it is simply asked again.
 */
async function until(what: string, check: () => Promise<boolean>, timeout = 30_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch (error) {
      if (!causedByProtocolError(error)) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out after ${timeout} ms waiting for ${what}`);
}

/** Resolves once `selector` (CSS or a puppeteer `::-p-` selector) matches, or no longer matches with `hidden`. */
export function waitFor(
  page: Page,
  selector: string,
  options: { hidden?: boolean; timeout?: number } = {},
): Promise<void> {
  const what = `${selector}${options.hidden ? ' to go' : ''}`;
  return until(what, async () => ((await page.$(selector)) === null) === Boolean(options.hidden), options.timeout);
}

/** Resolves once `selector`'s text contains `text`; a timeout names the text it had instead. */
export async function waitForText(page: Page, selector: string, text: string, timeout?: number): Promise<void> {
  const textNow = () => page.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);
  try {
    await until(`"${text}" in ${selector}`, async () => (await textNow())?.includes(text) ?? false, timeout);
  } catch (error) {
    const seen = await textNow().catch(() => 'unreadable');
    throw new Error(`${(error as Error).message}; it reads ${JSON.stringify(seen)}`, { cause: error });
  }
}

/** Clicks `selector` once it is there. */
export async function clickWhenThere(page: Page, selector: string): Promise<void> {
  await waitFor(page, selector);
  await page.click(selector);
}

/** Sets a field's value as typing would (one `input` event), without sending a 1.7 KB PEM key by key over BiDi. */
export async function fill(page: Page, selector: string, value: string): Promise<void> {
  await waitFor(page, selector);
  await page.$eval(
    selector,
    (el, v) => {
      (el as HTMLInputElement).value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    value,
  );
}

const FORM = 'form[aria-label="Add account"]';
const inForm = (label: string, tag = 'input') =>
  `::-p-xpath(//form[@aria-label="Add account"]//label[contains(., "${label}")]//${tag})`;
const formButton = (name: string) =>
  `::-p-xpath(//form[@aria-label="Add account"]//button[normalize-space()="${name}"])`;

/** Adds an account through the real options page, importing its key by paste (Firefox twin of `addAccountByImport`). */
export async function addAccountInFirefox(page: Page, input: AccountInput): Promise<void> {
  // With no accounts yet the page opens the form by itself, once the background has answered.
  const addButton = '::-p-xpath(//button[normalize-space()="Add account"])';
  await until(
    'the account form or its button',
    async () => (await page.$(FORM)) !== null || (await page.$(addButton)) !== null,
  );
  if (!(await page.$(FORM))) await page.click(addButton);
  await waitFor(page, FORM);
  await fill(page, inForm('Name'), input.label);
  await page.select(inForm('Region', 'select'), input.region);
  await page.click(inForm('Import a .pem file'));
  await fill(page, inForm('Paste the private key', 'textarea'), input.pem);
  await page.click(formButton('Import key'));
  await waitFor(page, '::-p-text(Key ready.)');
  await fill(page, inForm('Public Key ID'), input.publicKeyId);
  await page.click(formButton('Save account'));
  await waitFor(page, `::-p-text(Account "${input.label}" added.)`);
}
