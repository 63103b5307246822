import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PRIVATE_KEY_PATH, SEEDED_MERCHANTS } from '../emulator/index';
import { saveScreenshot } from './harness';
import { addAccountByImport, filesUnder, sha256, startStack, waitForFile, type Stack } from './support/stack';

const merchant = SEEDED_MERCHANTS.find((m) => m.region === 'na' && m.environment === 'live')!;
let stack: Stack;

interface UrlStats { issuedAt: number; downloads: Array<{ requestedAt: number; completed: boolean }> }

beforeAll(async () => {
  stack = await startStack();
  const options = await stack.browser.openPage('options.html');
  await addAccountByImport(options, { label: 'Demo Shop', region: 'na', publicKeyId: merchant.publicKeyId, pem: fs.readFileSync(DEMO_PRIVATE_KEY_PATH, 'utf8') });
  await options.close();
});

afterAll(async () => {
  await stack?.close();
});

describe('popup against the emulator', () => {
  it('lists the account reports and downloads one, byte for byte', async () => {
    const popup = await stack.browser.openPage('popup.html');
    await popup.setViewportSize({ width: 400, height: 600 });
    const rows = popup.locator('li.report');
    await rows.first().waitFor();
    await expect.poll(() => popup.getByRole('status').first().textContent()).toContain('Updated just now');
    await saveScreenshot(popup, 'popup-light');

    const candidate = popup.locator('li.report', { has: popup.getByRole('button', { name: /^Download Settlement/ }) }).first();
    const reportId = await candidate.getAttribute('data-report-id');
    const row = popup.locator(`li.report[data-report-id="${reportId}"]`);
    await row.getByRole('button', { name: /^Download/ }).click();
    await row.getByText('Saved', { exact: true }).waitFor({ timeout: 30_000 });

    const files = filesUnder(stack.browser.downloadDir);
    const file = files.find((f) => f.includes(reportId!));
    expect(file, `downloaded files: ${files.join(', ')}`).toMatch(/^AmazonPay\/Demo Shop\/Settlement\/\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}_/);
    const full = path.join(stack.browser.downloadDir, file!);
    await waitForFile(full);

    const report = stack.emulator.admin.reports(merchant.publicKeyId, 'live').find((r) => r.reportId === reportId)!;
    const doc = stack.emulator.admin.document(report.reportDocumentId!)!;
    expect(sha256(full)).toBe(doc.sha256);

    const stats = stack.emulator.admin.stats() as { documents: Record<string, { urls: UrlStats[] }> };
    const [url] = stats.documents[report.reportDocumentId!]!.urls;
    expect(url!.downloads[0]!.requestedAt - url!.issuedAt).toBeLessThan(1000);
    await popup.close();
  });
});
