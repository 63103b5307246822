import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PRIVATE_KEY_PATH,
  DOCUMENT_HOSTS,
  SEEDED_MERCHANTS,
  startEmulator,
  type RunningEmulator,
} from '../emulator/index';
import { amazonHosts } from './harness';
import { launchFirefox, saveFirefoxScreenshot, type FirefoxSession } from './support/firefox';
import { addAccountInFirefox, clickWhenThere, waitFor, waitForText } from './support/firefox-pages';
import { startTunnelProxy, type TunnelProxy } from './support/firefox-proxy';
import { filesUnder, sha256, waitForFile } from './support/stack';

const merchant = SEEDED_MERCHANTS.find((m) => m.region === 'na' && m.environment === 'live')!;
const pem = fs.readFileSync(DEMO_PRIVATE_KEY_PATH, 'utf8');
let emulator: RunningEmulator;
let proxy: TunnelProxy;
let firefox: FirefoxSession;
let privateFirefox: FirefoxSession;
const IDLE_MS = 5_000;
// A settlement that can be downloaded now: the emulator's newest one is still IN_PROGRESS (its button disabled) for
// some minutes after it is created each day, at a time of day that follows from the seed.
const SETTLEMENT_READY = 'li.report:has(button[aria-label^="Download Settlement"]:not([disabled]))';

beforeAll(async () => {
  emulator = await startEmulator({ seed: 'e2e-firefox' });
  proxy = await startTunnelProxy([...amazonHosts, ...DOCUMENT_HOSTS], emulator.port);
  // Both at once: starting Firefox is most of this suite's time.
  [firefox, privateFirefox] = await Promise.all([
    launchFirefox({ proxyPort: proxy.port }),
    // The background unloads after 5 s idle instead of 30: the in-memory queue must outlive that.
    launchFirefox({
      proxyPort: proxy.port,
      privateMode: true,
      prefs: { 'extensions.background.idle.timeout': IDLE_MS },
    }),
  ]);
});

afterAll(async () => {
  await Promise.all([firefox?.close(), privateFirefox?.close()]);
  await proxy?.close();
  await emulator?.close();
});

describe('Firefox (firefox-esr over WebDriver BiDi)', () => {
  it('adds an account through the options page, lists its reports in the popup and downloads one byte for byte', async () => {
    const options = await firefox.openPage('options.html', 'nav');
    await addAccountInFirefox(options, { label: 'Demo Shop', region: 'na', publicKeyId: merchant.publicKeyId, pem });
    await saveFirefoxScreenshot(options, 'firefox-options');

    const popup = await firefox.openPage('popup.html', '#app li.report', { width: 400, height: 600 });
    await waitForText(popup, '.updated', 'Updated just now');
    await saveFirefoxScreenshot(popup, 'firefox-popup');

    const reportId = await popup.$eval(SETTLEMENT_READY, (li) => li.getAttribute('data-report-id')!);
    await popup.click(`li.report[data-report-id="${reportId}"] button[aria-label^="Download"]`);
    await waitForText(popup, `li.report[data-report-id="${reportId}"]`, 'Saved', 30_000);

    const saved = filesUnder(firefox.downloadDir).find((f) => f.endsWith(`_${reportId}.csv`));
    expect(saved).toMatch(/^AmazonPay\/Demo Shop\/Settlement\/\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}_/);
    const file = path.join(firefox.downloadDir, saved!);
    await waitForFile(file);
    const report = emulator.admin.reports(merchant.publicKeyId, 'live').find((r) => r.reportId === reportId)!;
    expect(sha256(file)).toBe(emulator.admin.document(report.reportDocumentId!)!.sha256);
    // Every Amazon host the extension called went through the tunnel (Firefox's own traffic is refused).
    expect(proxy.refused.filter((request) => /amazon/.test(request))).toEqual([]);
  });

  it('names a withdrawn Amazon host on the options page and gets it back from a click', async () => {
    const options = await firefox.openPage('options.html', 'nav');
    const eu = 'https://pay-api.amazon.eu/*';
    // What "Remove" on the add-on's Permissions tab in about:addons does.
    expect(await options.evaluate((origin) => browser.permissions.remove({ origins: [origin] }), eu)).toBe(true);
    await waitFor(options, '::-p-text(Allow access to Amazon Pay)');
    expect(await options.$$eval('.notice li', (items) => items.map((li) => li.textContent))).toEqual([
      'pay-api.amazon.eu',
    ]);
    await saveFirefoxScreenshot(options, 'firefox-host-access');

    // A real click: permissions.request needs the user gesture (its prompt is answered by a pref, see firefox.ts).
    await clickWhenThere(options, '::-p-xpath(//button[normalize-space()="Allow access"])');
    await waitFor(options, '::-p-text(Allow access to Amazon Pay)', { hidden: true });
    expect(await options.evaluate((origin) => browser.permissions.contains({ origins: [origin] }), eu)).toBe(true);
  });
});

describe('Firefox in private mode ("never remember history")', () => {
  it('says so, keeps the key for the session, and lists and downloads with the queue in memory', async () => {
    const options = await privateFirefox.openPage('options.html', 'nav');
    expect(await options.evaluate(() => browser.extension.inIncognitoContext)).toBe(true);
    await waitFor(options, '::-p-text(This browser keeps no data for extensions)');
    await waitFor(options, '::-p-text(kept only until you close the browser)');
    await addAccountInFirefox(options, { label: 'Private Shop', region: 'na', publicKeyId: merchant.publicKeyId, pem });
    await saveFirefoxScreenshot(options, 'firefox-private-options');

    // The key sits in storage.session (memory, gone with the browser) as a CryptoKey that cannot be exported.
    const kept = await options.evaluate(async () => {
      const items = await browser.storage.session.get(null);
      return Object.entries(items)
        .filter(([name]) => name.startsWith('sessionKey:'))
        .map(([name, record]) => {
          const key = (record as { key: CryptoKey }).key;
          return { name, isKey: key instanceof CryptoKey, extractable: key.extractable };
        });
    });
    expect(kept).toEqual([{ name: expect.stringMatching(/^sessionKey:/), isKey: true, extractable: false }]);
    // The page itself has no IndexedDB here: what works below is the background's, in memory.
    expect(
      await options.evaluate(
        () =>
          new Promise((resolve) => {
            const request = indexedDB.open('probe');
            request.onsuccess = () => resolve('opened');
            request.onerror = () => resolve(request.error?.name);
          }),
      ),
    ).toBe('InvalidStateError');

    // Test connection signs in the background with that key; the emulator verifies the signature.
    await clickWhenThere(options, '::-p-xpath(//button[normalize-space()="Test connection"])');
    await waitFor(options, '::-p-text(Connected)');

    const popup = await privateFirefox.openPage('popup.html', '#app li.report', { width: 400, height: 600 });
    await waitFor(popup, '::-p-text(This browser keeps no data for extensions)');
    await waitForText(popup, '.updated', 'Updated just now');
    await saveFirefoxScreenshot(popup, 'firefox-private-popup');

    const reportId = await popup.$eval(SETTLEMENT_READY, (li) => li.getAttribute('data-report-id')!);
    await popup.click(`li.report[data-report-id="${reportId}"] button[aria-label^="Download"]`);
    await waitForText(popup, `li.report[data-report-id="${reportId}"]`, 'Saved', 30_000);

    const saved = filesUnder(privateFirefox.downloadDir).find((f) => f.endsWith(`_${reportId}.csv`));
    expect(saved).toMatch(/^AmazonPay\/Private Shop\/Settlement\//);
    const file = path.join(privateFirefox.downloadDir, saved!);
    await waitForFile(file);
    const report = emulator.admin.reports(merchant.publicKeyId, 'live').find((r) => r.reportId === reportId)!;
    expect(sha256(file)).toBe(emulator.admin.document(report.reportDocumentId!)!.sha256);

    // With no page open the idle background is unloaded; the next one still knows the report was saved.
    await Promise.all([popup.close(), options.close()]);
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS + 3_000));
    const again = await privateFirefox.openPage('popup.html', '#app li.report', { width: 400, height: 600 });
    await waitForText(again, `li.report[data-report-id="${reportId}"]`, 'Saved');
  });
});
