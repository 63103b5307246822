import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const extensionDir = path.join(repoRoot, '.output/chrome-mv3');
export const artifactsDir = path.join(repoRoot, 'test-artifacts');

/** The real hosts the product talks to; the tests point them all at one local server. */
export const amazonHosts = [
  'pay-api.amazon.com',
  'pay-api.amazon.eu',
  'pay-api.amazon.jp',
  'sellercentral.amazon.com',
  'sellercentral-europe.amazon.com',
  'sellercentral-japan.amazon.com',
];

export interface LaunchOptions {
  /** Port of the local HTTPS server that stands in for every mapped host. */
  port: number;
  /** Extra hosts to map to the same port (e.g. the emulator's document host). */
  extraHosts?: string[];
  /** Reuse a profile (browser restart drills); a fresh one by default. */
  userDataDir?: string;
  colorScheme?: 'light' | 'dark';
  /** Chromium's UI language (what chrome.i18n uses), e.g. 'de'; the system's by default. */
  lang?: string;
}

export interface ExtensionSession {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  downloadDir: string;
  userDataDir: string;
  openPage(file: string): Promise<Page>;
  close(): Promise<void>;
}

/** Launches Debian Chromium with the built extension, Amazon's hosts mapped to a local port and real downloads. */
export async function launchExtension(options: LaunchOptions): Promise<ExtensionSession> {
  if (!fs.existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run "npx wxt build" first`);
  }
  const userDataDir = options.userDataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'rc-profile-'));
  // A private copy of the build: a rebuild during the run (another suite, a watcher) cannot pull files away.
  // It sits in the profile, so a relaunch with the same profile loads the same extension id.
  const extDir = path.join(userDataDir, 'extension');
  if (!options.userDataDir || !fs.existsSync(extDir)) fs.cpSync(extensionDir, extDir, { recursive: true });
  const downloadDir = path.join(userDataDir, 'downloads');
  fs.mkdirSync(path.join(userDataDir, 'Default'), { recursive: true });
  fs.mkdirSync(downloadDir, { recursive: true });
  // chrome.downloads honours the requested filename only with the browser's own download behaviour and these prefs.
  const prefsFile = path.join(userDataDir, 'Default/Preferences');
  const prefs = fs.existsSync(prefsFile) ? JSON.parse(fs.readFileSync(prefsFile, 'utf8')) : {};
  prefs.download = { default_directory: downloadDir, prompt_for_download: false, directory_upgrade: true };
  fs.writeFileSync(prefsFile, JSON.stringify(prefs));

  const rules = [...amazonHosts, ...(options.extraHosts ?? [])]
    .map((h) => `MAP ${h} 127.0.0.1:${options.port}`)
    .join(', ');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1280, height: 800 },
    // --lang picks the UI language; on Linux Chromium reads LANGUAGE too, so both say the same.
    ...(options.lang ? { locale: options.lang, env: { ...process.env, LANGUAGE: options.lang } } : {}),
    args: [
      ...(options.lang ? [`--lang=${options.lang}`] : []),
      `--disable-extensions-except=${extDir}`,
      `--load-extension=${extDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--host-resolver-rules=${rules}`,
      '--ignore-certificate-errors',
    ],
  });
  await (await context.browser()!.newBrowserCDPSession()).send('Browser.setDownloadBehavior', { behavior: 'default' });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;

  return {
    context,
    worker,
    extensionId,
    downloadDir,
    userDataDir,
    async openPage(file) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${file}`);
      return page;
    },
    async close() {
      await context.close();
    },
  };
}

export async function saveScreenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  fs.mkdirSync(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? false });
  return file;
}

/** Waits until a downloaded file exists and Chromium has finished writing it (no .crdownload left). */
export async function waitForFile(file: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (fs.existsSync(file) && !fs.existsSync(`${file}.crdownload`)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Timed out waiting for ${file}`);
}
