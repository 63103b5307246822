import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amazonHosts, launchExtension, saveScreenshot, waitForFile, type ExtensionSession } from './harness';
import { selfSignedCert } from './tls';

const fileBody = 'SettlementId,Amount\n1,2.00\n';
let server: https.Server;
let session: ExtensionSession;

beforeAll(async () => {
  server = https.createServer(selfSignedCert(amazonHosts), (req, res) => {
    if (req.url === '/file.csv') {
      res.writeHead(200, { 'content-type': 'text/csv' }).end(fileBody);
    } else {
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!doctype html><title>Seller Central</title><h1>Payments</h1>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  session = await launchExtension({ port: (server.address() as AddressInfo).port });
});

afterAll(async () => {
  await session?.close();
  server?.close();
});

describe('the built extension in Chromium', () => {
  it('starts its service worker with the manifest we ship', async () => {
    const manifest = await session.worker.evaluate(() => (globalThis as any).chrome.runtime.getManifest());
    expect(manifest.name).toBe('Report Courier for Amazon Pay');
    expect(manifest.permissions.sort()).toEqual(['alarms', 'downloads', 'storage', 'unlimitedStorage']);
    expect(manifest.optional_permissions).toEqual(['notifications']);
    // Asked for one observed document origin at a time, from a click, when settlements are read as they download.
    expect(manifest.optional_host_permissions).toEqual(['https://*.amazonaws.com/*']);
    expect(manifest.host_permissions.sort()).toEqual([
      'https://pay-api.amazon.com/*',
      'https://pay-api.amazon.eu/*',
      'https://pay-api.amazon.jp/*',
    ]);
    expect(manifest.content_security_policy).toBeUndefined();
  });

  it('renders the popup, which asks the background for accounts and welcomes a new user', async () => {
    const page = await session.openPage('popup.html');
    await page.getByRole('button', { name: 'Set up an account' }).waitFor();
    expect(await page.getByRole('status').first().textContent()).toContain('Welcome to Report Courier');
    await saveScreenshot(page, 'popup-welcome');
    await page.close();
  });

  it('renders the options page, which offers to add the first account', async () => {
    const page = await session.openPage('options.html');
    await page.getByRole('form', { name: 'Add account' }).waitFor();
    expect(await page.textContent('h1')).toBe('Report Courier');
    await page.close();
  });

  it('lands a download under the requested file name', async () => {
    const id = await session.worker.evaluate(() =>
      (globalThis as any).chrome.downloads.download({
        url: 'https://pay-api.amazon.com/file.csv',
        filename: 'AmazonPay/test/file.csv',
      }),
    );
    expect(typeof id).toBe('number');
    const file = path.join(session.downloadDir, 'AmazonPay/test/file.csv');
    await waitForFile(file);
    expect(fs.readFileSync(file, 'utf8')).toBe(fileBody);
  });
});
