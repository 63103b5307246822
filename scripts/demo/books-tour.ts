import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { bankStatementLines, writeCamt053 } from '../../tests/emulator/bank-statement';
import type { RunningEmulator } from '../../tests/emulator/index';
import { parseSettlementReport } from '../../utils/ledger/settlement';
import { DemoStepError, expectFile, filesBelow, waitUntil } from './checks';

export interface BooksAccount {
  label: string;
  region: 'na' | 'eu';
  publicKeyId: string;
  currency: string;
  /** Its downloaded settlement files (absolute paths). */
  files: string[];
}

export interface BooksOutput {
  downloadDir: string;
  exportDir: string;
  bankDir: string;
  outDir: string;
}

type Format = 'DATEV Buchungsstapel' | 'Xero bank statement' | 'QuickBooks Online bank file';

async function goTo(page: Page, section: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: section, exact: true }).click();
  await page.getByRole('heading', { level: 2, name: section }).waitFor();
}

/** The SellerId line of the account's settlement files, which the accounting settings ask for. */
function sellerIdOf(account: BooksAccount): string {
  const sellerId = parseSettlementReport(fs.readFileSync(account.files[0]!)).header.SellerId;
  if (!sellerId) throw new DemoStepError(`${path.basename(account.files[0]!)} has no SellerId line.`);
  return sellerId;
}

/** The seller id for every account; for the EU account also the DATEV numbers (made-up ones, as a demo's). */
async function saveAccountingSettings(page: Page, accounts: BooksAccount[]): Promise<void> {
  await goTo(page, 'Accounting');
  for (const account of accounts) {
    const form = page.getByRole('form', { name: account.label, exact: true });
    await form.getByLabel('Seller ID in the settlement reports').fill(sellerIdOf(account));
    if (account.currency === 'EUR') {
      await form.getByLabel(/Beraternummer/).fill('29098');
      await form.getByLabel(/Mandantennummer/).fill('4711');
    }
    await form.getByRole('button', { name: 'Save accounting settings' }).click();
    await form.getByText('Saved.').waitFor();
  }
}

/**
 * Makes one export of the last full month (the form's default period) and moves the files it saved from the
 * download folder into `exportDir`. Stops the demo unless at least one non-empty file with the expected name arrives.
 */
async function exportMonth(page: Page, account: BooksAccount, format: Format, out: BooksOutput): Promise<string[]> {
  const form = page.getByRole('form', { name: 'Export' });
  // Exact names: other labels in the form contain these words (the camt.053 format's "…clearing account").
  await form.getByRole('combobox', { name: 'Account', exact: true }).selectOption({ label: account.label });
  // The currency list is the chosen account's once its books have loaded (each demo account has one currency).
  const currency = form.getByRole('combobox', { name: 'Currency', exact: true });
  await currency.locator('option', { hasText: account.currency }).waitFor({ state: 'attached' });
  await currency.selectOption(account.currency);
  await form.getByRole('radio', { name: format }).check();
  if (format !== 'DATEV Buchungsstapel') await form.getByRole('radio', { name: /^Summary/ }).check();
  const from = await form.getByLabel('From', { exact: true }).inputValue();
  const month = from.slice(0, 7);
  const expected =
    format === 'DATEV Buchungsstapel'
      ? /^EXTF_Buchungsstapel_.*\.csv$/
      : new RegExp(
          `^${format === 'Xero bank statement' ? 'xero' : 'quickbooks'}_${account.currency}_${month}(_part\\d+)?\\.csv$`,
        );
  const before = new Set(filesBelow(out.downloadDir));
  await form.getByRole('button', { name: 'Make the file' }).click();
  const step = `${format} export of ${month} for "${account.label}"`;
  const outcome = form.getByText(/file\(s\) saved to your downloads|No file made/).first();
  await outcome.waitFor({ timeout: 60_000 });
  const said = (await form.innerText()).split('\n').slice(-4).join(' ');
  const made = await waitUntil(
    () => {
      const fresh = filesBelow(out.downloadDir).filter((f) => !before.has(f) && expected.test(f));
      return fresh.length > 0 ? fresh : undefined;
    },
    20_000,
    () => `${step}: no file named like ${expected} arrived. The page said: ${said}`,
  );
  return made.map((name) => {
    const target = path.join(out.exportDir, name);
    fs.renameSync(path.join(out.downloadDir, name), target);
    return expectFile(target, step, 100);
  });
}

/** The emulator's bank statement (camt.053) for the account's payouts, imported on the Bank page and matched. */
async function importBankStatement(
  page: Page,
  account: BooksAccount,
  emulator: RunningEmulator,
  period: { from: Date; to: Date },
  out: BooksOutput,
): Promise<string> {
  // The payouts of the downloaded period: what the ledger can match.
  const disbursements = emulator.admin
    .disbursements(account.publicKeyId, 'live')
    .filter((d) => d.transactionTime >= period.from && d.transactionTime < period.to);
  if (disbursements.length === 0) throw new DemoStepError(`The emulator has no payouts for "${account.label}".`);
  const lines = bankStatementLines({ seed: 'demo', region: account.region, disbursements });
  const statement = path.join(out.bankDir, `camt053_${account.currency}.xml`);
  fs.writeFileSync(statement, writeCamt053(lines, 'DE02120300000000202051', account.currency));
  await goTo(page, 'Bank');
  const picker = page.getByRole('combobox', { name: /^Account/ });
  const choice = await picker
    .locator('option')
    .filter({ hasText: new RegExp(`^${account.label} ·`) })
    .first()
    .getAttribute('value');
  await picker.selectOption(choice!);
  await page.locator('input[type="file"]').setInputFiles(statement);
  await page.getByText(/file\(s\) read: \d+ new entries/).waitFor({ timeout: 30_000 });
  const matched = page.getByRole('table', { name: /^Matched \(\d+\)/ });
  let caption = '';
  await waitUntil(
    async () => {
      caption =
        (await matched
          .locator('caption')
          .textContent({ timeout: 1_000 })
          .catch(() => '')) ?? '';
      return Number(/\((\d+)\)/.exec(caption)?.[1] ?? 0) > 0 ? true : undefined;
    },
    30_000,
    () => `The bank statement for "${account.label}" matched no payout (the page shows "${caption}").`,
  );
  return statement;
}

/**
 * The books: accounting settings, the last full month exported (DATEV for the EUR account, Xero and QuickBooks
 * for every account) into `exportDir`, and the EUR account's bank statement matched, with PNGs of the export and
 * the match. Returns the files written.
 */
export async function booksTour(
  page: Page,
  accounts: BooksAccount[],
  emulator: RunningEmulator,
  period: { from: Date; to: Date },
  out: BooksOutput,
): Promise<string[]> {
  fs.mkdirSync(out.exportDir, { recursive: true });
  fs.mkdirSync(out.bankDir, { recursive: true });
  await saveAccountingSettings(page, accounts);
  await goTo(page, 'Exports');
  const written: string[] = [];
  for (const account of accounts) {
    const formats: Format[] = ['Xero bank statement', 'QuickBooks Online bank file'];
    if (account.currency === 'EUR') formats.unshift('DATEV Buchungsstapel');
    for (const format of formats) written.push(...(await exportMonth(page, account, format, out)));
  }
  const exportShot = path.join(out.outDir, 'books-export.png');
  await page.screenshot({ path: exportShot, fullPage: true });

  const eu = accounts.find((a) => a.currency === 'EUR');
  if (!eu) throw new DemoStepError('The demo has no EUR account to match a bank statement for.');
  written.push(await importBankStatement(page, eu, emulator, period, out));
  const matchShot = path.join(out.outDir, 'bank-match.png');
  await page.screenshot({ path: matchShot, fullPage: true });
  return [...written, exportShot, matchShot];
}
