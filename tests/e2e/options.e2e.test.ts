import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PRIVATE_KEY_PATH, SEEDED_MERCHANTS } from '../emulator/index';
import { saveScreenshot } from './harness';
import { auditArchive } from './support/audit';
import { addAccountByImport, filesUnder, startStack, waitForFile, type Stack } from './support/stack';

/** Accounts and keys, then a bulk download across both accounts under injected 429s and 503s, then the history. */

const DAY = 86_400_000;
const demo = SEEDED_MERCHANTS.find((m) => m.region === 'na' && m.environment === 'live')!;
const wrongKeyTarget = SEEDED_MERCHANTS.find((m) => m.region === 'jp' && m.environment === 'live')!;
const generatedKeyId = `LIVE-${'AE2EGENERATEDKEY'.padEnd(24, '7')}`;
const BULK_TARGET = 60;

let stack: Stack;
let page: Page;
const openssl = (...args: string[]) => execFileSync('openssl', args, { encoding: 'utf8' });

beforeAll(async () => {
  stack = await startStack();
  page = await stack.browser.openPage('options.html#accounts');
});

afterAll(async () => {
  await stack?.close();
});

function card(label: string) {
  return page.getByRole('article', { name: label });
}

/**
 * Runs "Test connection" and returns its verdict once settled: the click clears the last verdict, so waiting for
 * any verdict could find the old one. Amazon being asked anew comes after that clearing; the verdict after it is new.
 */
async function testConnection(label: string) {
  const requestsBefore = stack.emulator.admin.requests().length;
  await card(label).getByRole('button', { name: 'Test connection' }).click();
  await expect.poll(() => stack.emulator.admin.requests().length, { interval: 50 }).toBeGreaterThan(requestsBefore);
  const verdict = card(label).locator('[aria-live=polite]');
  await verdict.getByRole(/* Notice */ 'status').or(verdict.getByRole('alert')).first().waitFor();
  return verdict;
}

async function goTo(section: string) {
  await page.getByRole('navigation').getByRole('link', { name: section }).click();
  await page.getByRole('heading', { level: 2, name: section }).waitFor();
}

/** Reports of both accounts created since `since` that the bulk selection (all types, completed) must match. */
function completedSince(since: number) {
  return [demo.publicKeyId, generatedKeyId].flatMap((publicKeyId) =>
    stack.emulator.admin
      .reports(publicKeyId, 'live')
      .filter((r) => r.processingStatus === 'COMPLETED' && fromCompact(r.createdTime!) >= since)
      .map((r) => ({ publicKeyId, reportId: r.reportId!, reportDocumentId: r.reportDocumentId! })),
  );
}

describe('options page: accounts and keys', () => {
  it('adds an account by importing a PKCS#1 key', async () => {
    const pkcs1 = openssl('pkey', '-in', DEMO_PRIVATE_KEY_PATH, '-traditional');
    expect(pkcs1).toContain('BEGIN RSA PRIVATE KEY');
    await addAccountByImport(page, { label: 'Demo Shop', region: 'na', publicKeyId: demo.publicKeyId, pem: pkcs1 });
    const verdict = await testConnection('Demo Shop');
    await expect.poll(() => verdict.textContent()).toContain('Amazon accepted a signed request with this key.');
  });

  it('adds an account with a key generated in the page and registered at the emulator', async () => {
    await page.getByRole('button', { name: 'Add account' }).click();
    const form = page.getByRole('form', { name: 'Add account' });
    await form.getByLabel('Name').fill('EU Shop');
    await form.getByLabel('Region').selectOption('eu');
    await form.getByLabel('Generate here (recommended)').check();
    await form.getByRole('button', { name: 'Generate key pair' }).click();
    const publicKeyPem = await form.getByTestId('public-key-pem').textContent();
    expect(publicKeyPem).toContain('BEGIN PUBLIC KEY');
    stack.emulator.admin.registerMerchant({ publicKeyId: generatedKeyId, publicKeyPem: publicKeyPem!, region: 'eu' });
    await form.getByLabel('Public Key ID').fill(generatedKeyId);
    await form.getByRole('button', { name: 'Save account' }).click();
    await page.getByText('Account "EU Shop" added.').waitFor();
    const verdict = await testConnection('EU Shop');
    await expect.poll(() => verdict.textContent()).toContain('Connected');
  });

  it('shows the signature doctor for a key that does not belong to the key ID, and removes that account', async () => {
    const otherKey = openssl('genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048');
    await addAccountByImport(page, {
      label: 'Wrong Key',
      region: 'jp',
      publicKeyId: wrongKeyTarget.publicKeyId,
      pem: otherKey,
    });
    const verdict = await testConnection('Wrong Key');
    await verdict.getByText('The private key does not match this Public Key ID').waitFor();
    const doctor = verdict.getByRole('region', { name: 'Signature details' });
    await expect.poll(() => doctor.textContent()).toContain('AMZN-PAY-RSASSA-PSS-V2');
    await saveScreenshot(page, 'options-accounts-doctor', { fullPage: true });

    await card('Wrong Key').getByRole('button', { name: 'Remove' }).click();
    await card('Wrong Key').getByRole('button', { name: 'Remove account and key' }).click();
    await page.getByText('Account "Wrong Key" removed, and its private key deleted from this browser.').waitFor();
  });

  it('tells the merchant the clock is off, and corrects for it', async () => {
    stack.emulator.admin.setFaults({ clockOffsetSeconds: 1200 });
    const verdict = await testConnection('Demo Shop');
    await expect
      .poll(() => verdict.textContent())
      .toMatch(/Your computer's clock is 1,?[12]\d\d s off; requests are corrected for it\./);
    await saveScreenshot(page, 'options-accounts');
    stack.emulator.admin.clearFaults();
    const again = await testConnection('Demo Shop');
    await expect.poll(() => again.textContent()).toContain('Amazon accepted a signed request with this key.');
  });
});

describe('options page: bulk download and history', () => {
  let expected: ReturnType<typeof completedSince> = [];

  it('counts the matching reports across both accounts before starting', async () => {
    await goTo('Bulk download');
    // The most recent days that hold at least 60 completed reports of both accounts.
    const now = Date.now();
    const dayStart = (days: number) => Date.parse(`${new Date(now - days * DAY).toISOString().slice(0, 10)}T00:00:00Z`);
    let days = 1;
    while (days < 89 && completedSince(dayStart(days)).length < BULK_TARGET) days++;
    const from = new Date(now - days * DAY).toISOString().slice(0, 10);
    expected = completedSince(Date.parse(`${from}T00:00:00Z`));
    expect(expected.length).toBeGreaterThanOrEqual(BULK_TARGET);

    await page.getByLabel('From').fill(from);
    await page.getByRole('button', { name: 'Check' }).click();
    const total = page.getByRole('table', { name: 'Matching reports' }).locator('tfoot tr');
    await expect.poll(() => total.textContent()).toBe(`Total${expected.length}0${expected.length}`);
    await saveScreenshot(page, 'options-bulk-check', { fullPage: true });
  });

  it('downloads them all under 10 % 429 and 5 % 503, across a closed and reopened tab', async () => {
    // Document latency stretches the run to a few seconds, so the tab can be closed while it is under way.
    stack.emulator.admin.setFaults({ errorRate: { probability: 0.05, statuses: [503] }, latencyMs: { document: 400 } });
    const before = faultFigures();
    const injector = throttleOneInTen();
    const startedAt = Date.now();
    await page.getByRole('button', { name: `Download ${expected.length} reports` }).click();
    const status = page.locator('.run-status');
    await status.getByText(/Downloading: \d+ of/).waitFor();

    await page.getByRole('button', { name: 'Pause' }).click();
    await status.getByText(/Paused at \d+ of/).waitFor();
    await page.getByRole('button', { name: 'Resume' }).click();
    await status.getByText(/Downloading: \d+ of/).waitFor();
    await expect.poll(() => savedCount(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(5);
    await saveScreenshot(page, 'options-bulk-running');
    const closedAt = await savedCount(page);
    const servedAtClose = documentsServed(expected);
    await page.close();

    // With no page open, the background goes on: the emulator serves more of the documents.
    await expect
      .poll(() => documentsServed(expected), { timeout: 30_000, interval: 50 })
      .toBeGreaterThan(servedAtClose + 1);
    page = await stack.browser.openPage('options.html#bulk');
    await page.getByRole('progressbar').waitFor();
    await expect.poll(() => savedCount(page), { timeout: 30_000 }).toBeGreaterThan(closedAt);
    const reopenedAt = await savedCount(page);
    expect(reopenedAt).toBeLessThan(expected.length);
    await page.getByText(`Finished: ${expected.length} saved, 0 failed, 0 cancelled.`).waitFor({ timeout: 90_000 });
    const wallMs = Date.now() - startedAt;
    injector.stop();
    stack.emulator.admin.clearFaults();

    const after = faultFigures();
    const [seen429, seen503, apiRequests] = [
      after.throttled - before.throttled,
      after.unavailable - before.unavailable,
      after.api - before.api,
    ];
    console.log(
      `bulk: ${expected.length} reports in ${(wallMs / 1000).toFixed(1)} s; ${seen429} × 429 and ${seen503} × 503 ` +
        `in ${apiRequests} API requests; tab closed at ${closedAt} saved, reopened at ${reopenedAt}`,
    );
    expect(seen429).toBeGreaterThan(0);
    expect(seen503).toBeGreaterThan(0);

    // Every report once, byte for byte, and nothing else in the folder: no `(1)` twin, no stray file.
    const files = filesUnder(stack.browser.downloadDir);
    for (const report of expected) {
      const file = files.find((f) => f.startsWith('AmazonPay/') && f.endsWith(`_${report.reportId}.csv`));
      expect(file, `no file for ${report.reportId}`).toBeDefined();
      await waitForFile(path.join(stack.browser.downloadDir, file!));
    }
    expect(auditArchive(stack.browser.downloadDir, stack.emulator, expected)).toEqual({
      lost: [],
      duplicates: [],
      mismatched: [],
      strays: [],
    });
    await page.emulateMedia({ colorScheme: 'dark' });
    await saveScreenshot(page, 'options-bulk-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await saveScreenshot(page, 'options-bulk');
  });

  it('lists every archived report per account, searchable and exportable as CSV', async () => {
    await goTo('Archive history');
    const ofDemo = expected.filter((r) => r.publicKeyId === demo.publicKeyId);
    await page.getByLabel('Account').selectOption({ label: 'Demo Shop · North America · Live' });
    await expect.poll(() => page.locator('table.history tbody tr').count()).toBe(ofDemo.length);
    await saveScreenshot(page, 'options-history');

    await page.getByLabel('Search').fill(ofDemo[0]!.reportId.toLowerCase());
    await expect.poll(() => page.locator('table.history tbody tr').count()).toBe(1);
    await page.getByLabel('Search').fill('');
    await page.getByRole('button', { name: 'Export as CSV' }).click();
    const csvName = `report-courier-history-Demo-Shop-${new Date().toISOString().slice(0, 10)}.csv`;
    const csvPath = path.join(stack.browser.downloadDir, csvName);
    await waitForFile(csvPath);
    const lines = fs
      .readFileSync(csvPath, 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('accountLabel,reportId,reportType,downloadedAt,file,bytes');
    expect(
      lines
        .slice(1)
        .map((line) => line.split(',')[1])
        .sort(),
    ).toEqual(ofDemo.map((r) => r.reportId).sort());
    expect(lines.slice(1).every((line) => line.startsWith('Demo Shop,') && line.includes(os.tmpdir()))).toBe(true);
  });
});

/** Counts copied out of the emulator's stats (its snapshot shares live objects). */
function faultFigures() {
  const stats = stack.emulator.admin.stats();
  return {
    throttled: stats.throttled,
    unavailable: stats.rejections.byReasonCode.ServiceUnavailable ?? 0,
    api: stats.requests.total - (stats.requests.byRoute.document ?? 0),
  };
}

/** Documents of the bulk the emulator has served completely, as it saw it (no load on the extension). */
function documentsServed(reports: Array<{ reportDocumentId: string }>): number {
  const { documents } = stack.emulator.admin.stats();
  return reports.filter((r) => documents[r.reportDocumentId]?.urls.some((u) => u.downloads.some((d) => d.completed)))
    .length;
}

/** The emulator's random faults cover 5xx only; one 429 after every tenth API request gives the 10 %. */
function throttleOneInTen() {
  let counted = faultFigures().api;
  const timer = setInterval(() => {
    if (faultFigures().api - counted < 10) return;
    counted += 10;
    stack.emulator.admin.setFaults({ throttleNext: 1 });
  }, 5);
  return { stop: () => clearInterval(timer) };
}

/** The emulator answers in Amazon's compact form, 20261127T101010Z. */
function fromCompact(text: string): number {
  return Date.parse(text.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z'));
}

async function savedCount(p: Page): Promise<number> {
  return Number(await p.getByRole('progressbar').getAttribute('aria-valuenow'));
}
