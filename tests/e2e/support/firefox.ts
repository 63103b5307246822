import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { artifactsDir, repoRoot } from '../harness';
import { waitFor } from './firefox-pages';

export const firefoxExtensionDir = path.join(repoRoot, '.output/firefox-mv3');
/** Fixed through `extensions.webextensions.uuids`, so page URLs are known before the extension starts. */
const EXTENSION_UUID = '3d0c6a52-8f1e-4b7a-9c25-6e4f0b1d7a93';

export interface FirefoxOptions {
  /** Port of the CONNECT proxy that stands in for Amazon's hosts (see firefox-proxy.ts). */
  proxyPort: number;
  /** Firefox's "never remember history": every window, the extension's pages and background are private. */
  privateMode?: boolean;
  /** More preferences, e.g. a shorter `extensions.background.idle.timeout`. */
  prefs?: Record<string, string | number | boolean>;
}

export interface FirefoxSession {
  browser: Browser;
  baseUrl: string;
  downloadDir: string;
  /** Opens an extension page and waits for `ready`, since `goto` never settles for moz-extension URLs. */
  openPage(file: string, ready: string, viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

function geckoId(): string {
  const manifestFile = path.join(firefoxExtensionDir, 'manifest.json');
  if (!fs.existsSync(manifestFile))
    throw new Error(`No Firefox build at ${firefoxExtensionDir}: run "npx wxt build -b firefox --mv3" first`);
  return JSON.parse(fs.readFileSync(manifestFile, 'utf8')).browser_specific_settings.gecko.id;
}

/** Debian's firefox-esr over WebDriver BiDi with the Firefox build installed as a temporary add-on. */
export async function launchFirefox(options: FirefoxOptions): Promise<FirefoxSession> {
  const id = geckoId();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-firefox-'));
  // A private copy of the build: a rebuild during the run cannot pull files away from the installed add-on.
  const extDir = path.join(workDir, 'extension');
  fs.cpSync(firefoxExtensionDir, extDir, { recursive: true });
  const downloadDir = path.join(workDir, 'downloads');
  fs.mkdirSync(downloadDir);

  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: '/usr/bin/firefox-esr',
    headless: true,
    // BiDi refuses moz-extension:// navigation without it.
    args: ['--remote-allow-system-access'],
    // The emulator's certificate comes from its own CA; this trusts it for the whole session, background included.
    acceptInsecureCerts: true,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [id]: EXTENSION_UUID }),
      'network.proxy.type': 1,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': options.proxyPort,
      'network.proxy.no_proxies_on': '',
      'browser.download.dir': downloadDir,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      // permissions.request resolves without its doorhanger: a headless browser has nobody to click "Allow".
      'extensions.webextOptionalPermissionPrompts': false,
      ...(options.privateMode ? { 'browser.privatebrowsing.autostart': true } : {}),
      ...options.prefs,
    },
  });
  // puppeteer's installExtension cannot pass moz:allowPrivateBrowsing; without it the add-on does not run in private mode.
  // `connection` is the BiDi browser's raw session, public at runtime but not in puppeteer's types.
  const bidi = (browser as unknown as { connection: { send(method: string, params: object): Promise<unknown> } })
    .connection;
  await bidi.send('webExtension.install', {
    extensionData: { type: 'path', path: extDir },
    'moz:allowPrivateBrowsing': options.privateMode ?? false,
  });
  const baseUrl = `moz-extension://${EXTENSION_UUID}/`;

  return {
    browser,
    baseUrl,
    downloadDir,
    async openPage(file, ready, viewport = { width: 1280, height: 800 }) {
      const page = await browser.newPage();
      await page.setViewport(viewport);
      page.goto(`${baseUrl}${file}`).catch(() => undefined);
      await waitFor(page, ready);
      return page;
    },
    async close() {
      await browser.close();
      fs.rmSync(workDir, { recursive: true, force: true });
    },
  };
}

export async function saveFirefoxScreenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, `${name}.png`);
  await page.screenshot({ path: file as `${string}.png` });
  return file;
}
