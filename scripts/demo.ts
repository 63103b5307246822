/**
 * `npm run demo`: builds the extension, starts the emulator with a Seller Central look-alike, launches Chromium with
 * the extension and Amazon's hosts mapped to the emulator, and adds a demo account through the real options page.
 * With a display it leaves the browser open for a person (Ctrl-C ends it); without one (or with --headless) it
 * tours the product into demo-output/ and exits: screenshots, every settlement of the two demo accounts downloaded
 * (and captured into the ledger) in downloads/, the last full month's accounting files in exports/, the bank
 * statement it matched in bank/. A step that does not produce what it should ends the demo with exit code 1.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DOCUMENT_HOSTS, startEmulator } from '../tests/emulator/index';
import { sellerCentralHandlers } from '../tests/e2e/fixtures/sellercentral/serve';
import { ensureBrowser, grantHostPermissions, launchDemoBrowser } from './demo/browser';
import { DemoStepError } from './demo/checks';
import { DEMO_ACCOUNTS, addDemoAccounts, openPopup, openSellerCentralPanel, screenshotTour } from './demo/tour';

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, 'demo-output');
const headless = process.argv.includes('--headless') || !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const started = Date.now();
const log = (line: string) => console.log(`[demo ${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${line}`);

const browserPath = ensureBrowser(log);
log(`Browser: ${browserPath}${headless ? ' (headless)' : ''}`);

log('Building the extension (npx wxt build)…');
const build = spawnSync('npx', ['wxt', 'build'], { cwd: root, encoding: 'utf8' });
if (build.status !== 0) {
  console.error(build.stdout, build.stderr);
  process.exit(1);
}
// The browser gets a private copy, so a rebuild (a test run) while the demo is open cannot pull files away.
const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-courier-demo-'));
const extensionDir = path.join(profileDir, 'extension');
fs.cpSync(path.join(root, '.output/chrome-mv3'), extensionDir, { recursive: true });
// As if the merchant had allowed capture at download for Amazon's document hosts: a headless browser shows the
// permission prompt to nobody, so the copy's manifest holds the optional origins already.
grantHostPermissions(extensionDir, DOCUMENT_HOSTS);
// Every file in demo-output/ is this run's: a step that writes nothing cannot pass on an earlier run's file.
fs.rmSync(outDir, { recursive: true, force: true });

const emulator = await startEmulator({ seed: 'demo', hostHandlers: sellerCentralHandlers() });
log(`Emulator with seeded merchants on ${emulator.url} (Amazon Pay API, report documents, Seller Central look-alike)`);
const browser = await launchDemoBrowser({
  executablePath: browserPath,
  headless,
  port: emulator.port,
  extraHosts: DOCUMENT_HOSTS,
  extensionDir,
  profileDir: path.join(profileDir, 'profile'),
  downloadDir: path.join(outDir, 'downloads'),
});

let closing: Promise<void> | undefined;
const shutDown = (code: number) =>
  (closing ??= (async () => {
    await browser.context.close().catch(() => undefined);
    await emulator.close();
    fs.rmSync(profileDir, { recursive: true, force: true });
    log('Closed the browser and the emulator.');
    process.exit(code);
  })());
process.on('SIGINT', () => void shutDown(0));
process.on('SIGTERM', () => void shutDown(0));

try {
  if (headless) {
    const files = await screenshotTour(browser, emulator, { outDir, downloadDir: path.join(outDir, 'downloads') }, log);
    log(`Wrote ${files.length} files:`);
    for (const file of files) console.log(`  ${path.relative(process.cwd(), file)}`);
    await shutDown(0);
  } else {
    await addDemoAccounts(browser);
    log(`Added the accounts ${DEMO_ACCOUNTS.map((a) => `"${a.label}"`).join(' and ')} through the options page.`);
    await openSellerCentralPanel(browser);
    await (await openPopup(browser, false)).bringToFront();
    log(
      `Ready. Tabs: the options page, Seller Central (${emulator.url} stands in for it) with the panel open, the popup.`,
    );
    log(
      `Downloads land in ${path.relative(process.cwd(), path.join(outDir, 'downloads'))}. Press Ctrl-C here to close everything.`,
    );
    browser.context.on('close', () => void shutDown(0));
  }
} catch (error) {
  if (error instanceof DemoStepError) console.error(`\nThe demo failed: ${error.message}`);
  else console.error('\nThe demo failed:', error);
  await shutDown(1);
}
