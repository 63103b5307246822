import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { amazonHosts } from '../../tests/e2e/harness';

/** Where a Chromium-family browser usually is: $CHROME_PATH first, then Debian's chromium, then Google Chrome. */
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];
const APT_PACKAGES = ['chromium', 'fonts-liberation'];

export function findBrowser(): string | undefined {
  return [process.env.CHROME_PATH, ...CANDIDATES].find((p): p is string => Boolean(p && fs.existsSync(p)));
}

/** Finds a browser; on Debian as root installs Chromium with apt; otherwise says exactly what to install and exits. */
export function ensureBrowser(log: (line: string) => void): string {
  const found = findBrowser();
  if (found) return found;
  const canApt = process.getuid?.() === 0 && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
  if (canApt) {
    log(`No browser found; installing ${APT_PACKAGES.join(' ')} with apt-get (about 10 s)…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...APT_PACKAGES], {
      stdio: 'inherit',
      env,
    });
    const installed = findBrowser();
    if (installed) return installed;
  }
  console.error(
    [
      'The demo needs Chromium (or Google Chrome) and found none.',
      `On Debian or Ubuntu: sudo apt-get install ${APT_PACKAGES.join(' ')}`,
      'Elsewhere: install Chromium or Chrome and run again with CHROME_PATH=/path/to/the/browser npm run demo',
    ].join('\n'),
  );
  process.exit(1);
}

/** Adds `https://<host>/*` for each host to the manifest of an unpacked copy of the extension. */
export function grantHostPermissions(extensionDir: string, hosts: readonly string[]): void {
  const file = path.join(extensionDir, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...hosts.map((h) => `https://${h}/*`)];
  fs.writeFileSync(file, JSON.stringify(manifest));
}

export interface DemoBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
}

export interface DemoLaunch {
  executablePath: string;
  headless: boolean;
  /** The emulator's port: Amazon's hosts (API, documents, Seller Central) all point at it. */
  port: number;
  extraHosts: string[];
  extensionDir: string;
  profileDir: string;
  downloadDir: string;
}

/**
 * Chromium with the built extension loaded through DevTools (the way that also works in Google Chrome 137+,
 * which ignores --load-extension), Amazon's hosts mapped to the emulator, downloads into `downloadDir`.
 */
export async function launchDemoBrowser(o: DemoLaunch): Promise<DemoBrowser> {
  fs.mkdirSync(path.join(o.profileDir, 'Default'), { recursive: true });
  fs.mkdirSync(o.downloadDir, { recursive: true });
  const prefs = { download: { default_directory: o.downloadDir, prompt_for_download: false, directory_upgrade: true } };
  fs.writeFileSync(path.join(o.profileDir, 'Default/Preferences'), JSON.stringify(prefs));

  const rules = [...amazonHosts, ...o.extraHosts].map((h) => `MAP ${h} 127.0.0.1:${o.port}`).join(', ');
  const context = await chromium.launchPersistentContext(o.profileDir, {
    executablePath: o.executablePath,
    headless: o.headless,
    viewport: o.headless ? { width: 1280, height: 800 } : null,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      '--enable-unsafe-extension-debugging',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      `--host-resolver-rules=${rules}`,
      '--ignore-certificate-errors',
    ],
  });
  const cdp = await context.browser()!.newBrowserCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'default' });
  const { id } = (await cdp.send('Extensions.loadUnpacked' as never, { path: o.extensionDir } as never)) as {
    id: string;
  };
  const worker =
    context.serviceWorkers().find((w) => w.url().includes(id)) ??
    (await context.waitForEvent('serviceworker', { predicate: (w) => w.url().includes(id), timeout: 30_000 }));
  return { context, worker, extensionId: id };
}
