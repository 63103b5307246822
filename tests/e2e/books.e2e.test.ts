import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PRIVATE_KEY_PATH, SEEDED_MERCHANTS } from '../emulator/index';
import { writeCamt053 } from '../emulator/bank-statement';
import { repoRoot, saveScreenshot } from './harness';
import { EU_FIXTURE_PAYOUT } from '../fixtures/ledger/eu-payout';
import { addAccountByImport, filesUnder, startStack, waitForFile, type Stack } from './support/stack';

/** The books in the real extension: accounting settings, a DATEV export and a bank import, all on the options page. */

const eu = SEEDED_MERCHANTS.find((m) => m.region === 'eu' && m.environment === 'live')!;
let stack: Stack;
let options: Page;

beforeAll(async () => {
  stack = await startStack();
  options = await stack.browser.openPage('options.html');
  const pem = fs.readFileSync(DEMO_PRIVATE_KEY_PATH, 'utf8');
  await addAccountByImport(options, { label: 'EU Shop', region: 'eu', publicKeyId: eu.publicKeyId, pem });
  await goTo('Settlements');
  const settlement = path.join(repoRoot, 'tests/fixtures/ledger/settlement-eu-windows-1252-crlf.csv');
  await options.locator('input[type="file"]:not([webkitdirectory])').setInputFiles(settlement);
  await options.getByText('1 imported, 0 already known, 0 in conflict.').waitFor();
});

afterAll(async () => {
  await stack?.close();
});

async function goTo(section: string) {
  await options.getByRole('navigation').getByRole('link', { name: section, exact: true }).click();
  await options.getByRole('heading', { level: 2, name: section }).waitFor();
}

async function downloaded(pattern: RegExp): Promise<string> {
  await expect
    .poll(() => filesUnder(stack.browser.downloadDir).find((f) => pattern.test(f)), { timeout: 20_000 })
    .toBeTruthy();
  const file = path.join(
    stack.browser.downloadDir,
    filesUnder(stack.browser.downloadDir).find((f) => pattern.test(f))!,
  );
  await waitForFile(file);
  return file;
}

describe('books on the options page', () => {
  it('saves the accounting settings, refusing a wrong Beraternummer first', async () => {
    await goTo('Accounting');
    const form = options.getByRole('form', { name: 'EU Shop' });
    expect(await form.getByLabel('Accounting time zone').inputValue()).toBe('Europe/Berlin');
    await form.getByLabel('Seller ID in the settlement reports').fill('A2EUSELLER');
    await form.getByLabel(/Beraternummer/).fill('12');
    await form.getByLabel(/Mandantennummer/).fill('4711');
    await form.getByRole('button', { name: 'Save accounting settings' }).click();
    await form.getByText('Not saved: change what is marked').waitFor();
    await saveScreenshot(options, 'books-accounting-refused', { fullPage: true });
    await form.getByLabel(/Beraternummer/).fill('29098');
    await form.getByRole('button', { name: 'Save accounting settings' }).click();
    await form.getByText('Saved.').waitFor();
  });

  it('exports the month as a DATEV file that keeps the format rules', async () => {
    await goTo('Exports');
    await options.getByLabel('From').fill('2026-02-01');
    await options.getByLabel('To').fill('2026-02-28');
    await options.getByRole('radio', { name: 'DATEV Buchungsstapel' }).check();
    await options.getByRole('button', { name: 'Make the file' }).click();
    await options.getByText(/1 file\(s\) saved to your downloads/).waitFor();
    await saveScreenshot(options, 'books-export', { fullPage: true });
    const file = await downloaded(/^EXTF_Buchungsstapel_AmazonPay_EU-Shop_20260201-20260228\.csv$/);
    const bytes = fs.readFileSync(file);
    expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder('windows-1252').decode(bytes).split('\r\n');
    expect(lines[0]).toMatch(
      /^"EXTF";700;21;"Buchungsstapel";13;\d{17};;"RC";"";"";29098;4711;20260101;4;20260201;20260228;/,
    );
    expect(lines[1]!.split(';')).toHaveLength(125);
    expect(lines.at(-1)).toBe('');
    for (const line of lines.slice(2, -1)) {
      expect(line.split(';').length).toBeGreaterThanOrEqual(125);
      expect(line).toMatch(/^\d{1,10},\d{2};"[SH]";"EUR";/);
    }
  });

  it('imports a bank statement, shows the match with its age, and exports it as CSV', async () => {
    const statement = path.join(stack.browser.downloadDir, '..', 'camt053-feb.xml');
    const payout = EU_FIXTURE_PAYOUT;
    const other = {
      ...payout,
      amountMinor: 12_000,
      counterparty: 'ACME GMBH',
      remittance: 'Rechnung 4471',
      bankReference: 'B2',
    };
    fs.writeFileSync(statement, writeCamt053([payout, other], 'DE02120300000000202051', 'EUR'));
    await goTo('Bank');
    await options.locator('input[type="file"]').setInputFiles(statement);
    await options.getByText('1 file(s) read: 2 new entries, 0 already known, 0 not yet booked.').waitFor();
    const matched = options.getByRole('table', { name: /^Matched \(1\)/ });
    expect(await matched.locator('tbody tr').first().innerText()).toMatch(
      /4410098765\s+€2,430\.83\s+2026-02-07\s+2026-02-10/,
    );
    // The customer's credit is not Amazon Pay's: counted under the table, not listed in it.
    await options.getByRole('table', { name: /^Amazon Pay credits without a payout \(0\)/ }).waitFor();
    await options.getByText('1 other credits (not from Amazon Pay) are not listed.').waitFor();
    await saveScreenshot(options, 'books-bank-match', { fullPage: true });
    await options.emulateMedia({ colorScheme: 'dark' });
    await saveScreenshot(options, 'books-bank-match-dark', { fullPage: true });
    await options.emulateMedia({ colorScheme: 'light' });

    await options.getByRole('button', { name: 'Export the match as CSV' }).click();
    const csv = fs.readFileSync(await downloaded(/^bank-match_EU-Shop_\d{4}-\d{2}-\d{2}\.csv$/), 'utf8').split('\r\n');
    expect(csv[1]).toMatch(/^matched,reference,4410098765,EUR,2430\.83,2026-02-07,/);
    expect(csv.slice(2)).toEqual(['']);

    await goTo('Settlements');
    await options.getByText('at the bank 2026-02-10').waitFor();
  });
});
