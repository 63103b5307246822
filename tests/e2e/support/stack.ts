import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import {
  DEMO_PRIVATE_KEY_PATH,
  DOCUMENT_HOSTS,
  SEEDED_MERCHANTS,
  startEmulator,
  type EmulatorOptions,
  type RunningEmulator,
  type SeededMerchant,
} from '../../emulator/index';
import { launchExtension, waitForFile, type ExtensionSession, type LaunchOptions } from '../harness';

export interface Stack {
  emulator: RunningEmulator;
  browser: ExtensionSession;
  /** Closes Chromium and launches it again on the same profile, as a user who quits and restarts it. */
  relaunchBrowser(): Promise<ExtensionSession>;
  close(): Promise<void>;
}

/** The emulator plus the built extension in Chromium, with Amazon's hosts (API, documents, Seller Central) mapped to it. */
export async function startStack(
  emulatorOptions: EmulatorOptions = {},
  launch: Partial<LaunchOptions> = {},
): Promise<Stack> {
  const emulator = await startEmulator({ seed: 'e2e', ...emulatorOptions });
  const launchOptions = { port: emulator.port, extraHosts: DOCUMENT_HOSTS, ...launch };
  const stack: Stack = {
    emulator,
    browser: await launchExtension(launchOptions),
    async relaunchBrowser() {
      const { userDataDir } = stack.browser;
      await stack.browser.close();
      stack.browser = await launchExtension({ ...launchOptions, userDataDir });
      return stack.browser;
    },
    async close() {
      await stack.browser.close();
      await emulator.close();
    },
  };
  return stack;
}

export interface AccountInput {
  label: string;
  region: 'na' | 'eu' | 'jp';
  publicKeyId: string;
  /** PEM text pasted into the import field. */
  pem: string;
}

/**
 * Adds an account through the real options page, importing its key by paste, as a merchant would. Waits for the
 * accounts section to settle first: it shows "Add account" while its list loads, then either opens the form by
 * itself (no account yet) or lists the accounts beside the button. Acting before that races the section's choice.
 */
export async function addAccountByImport(page: Page, input: AccountInput): Promise<void> {
  const heading = page.getByRole('heading', { level: 2, name: 'Accounts and keys' });
  if (!(await heading.isVisible())) {
    await page.getByRole('navigation').getByRole('link', { name: 'Accounts and keys' }).click();
    await heading.waitFor();
  }
  const form = page.getByRole('form', { name: 'Add account' });
  const listed = page.locator('main article.card[data-account-id]');
  await form.or(listed).first().waitFor();
  if (!(await form.isVisible())) await page.getByRole('button', { name: 'Add account' }).click();
  await form.getByLabel('Name').fill(input.label);
  await form.getByLabel('Region').selectOption(input.region);
  await form.getByLabel('Import a .pem file').check();
  await form.getByLabel('Paste the private key').fill(input.pem);
  await form.getByRole('button', { name: 'Import key' }).click();
  await form.getByText('Key ready.').waitFor();
  await form.getByLabel('Public Key ID').fill(input.publicKeyId);
  await form.getByRole('button', { name: 'Save account' }).click();
  await page.getByText(`Account "${input.label}" added.`).waitFor();
  // Settled again: the reloaded list shows the new account, so the next step starts from a known state.
  await page.getByRole('article', { name: input.label, exact: true }).waitFor();
}

export type Region = AccountInput['region'];

/** The emulator's seeded live merchant of a region, whose key is the demo key. */
export function seededMerchant(region: Region): SeededMerchant {
  return SEEDED_MERCHANTS.find((m) => m.region === region && m.environment === 'live')!;
}

/** Adds the region's seeded live merchant on an open options page, importing the demo key by paste. */
export async function importSeededAccount(page: Page, label: string, region: Region): Promise<SeededMerchant> {
  const merchant = seededMerchant(region);
  const pem = fs.readFileSync(DEMO_PRIVATE_KEY_PATH, 'utf8');
  await addAccountByImport(page, { label, region, publicKeyId: merchant.publicKeyId, pem });
  return merchant;
}

/** Opens the options page, adds the region's seeded live merchant there, and closes it once the account is listed. */
export async function addSeededAccount(
  session: ExtensionSession,
  label: string,
  region: Region,
): Promise<SeededMerchant> {
  const options = await session.openPage('options.html');
  const merchant = await importSeededAccount(options, label, region);
  await options.close();
  return merchant;
}

export function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Every file below a folder, relative to it (finished downloads only). */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.endsWith('.crdownload'))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

export { waitForFile };
