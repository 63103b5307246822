import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PRIVATE_KEY_PATH, SEEDED_MERCHANTS } from '../emulator/index';
import { addAccountByImport, startStack, type Stack } from './support/stack';

/** Replacing an account's key in the real options page: the old key works until the new one has proved itself. */

const demo = SEEDED_MERCHANTS.find((m) => m.region === 'na' && m.environment === 'live')!;
const LABEL = 'Replacing Shop';
const registeredKeyId = `LIVE-${'AE2EREPLACEMENTKEY'.padEnd(24, '3')}`;
const unknownKeyId = `LIVE-${'AE2EUNKNOWNKEY'.padEnd(24, '4')}`;

let stack: Stack;
let page: Page;

beforeAll(async () => {
  stack = await startStack();
  page = await stack.browser.openPage('options.html#accounts');
  await addAccountByImport(page, {
    label: LABEL,
    region: 'na',
    publicKeyId: demo.publicKeyId,
    pem: fs.readFileSync(DEMO_PRIVATE_KEY_PATH, 'utf8'),
  });
});

afterAll(async () => {
  await stack?.close();
});

const card = () => page.getByRole('article', { name: LABEL, exact: true });

async function connected(): Promise<string | null> {
  await card().getByRole('button', { name: 'Test connection' }).click();
  const verdict = card().locator('[aria-live=polite]');
  await verdict.getByRole('status').or(verdict.getByRole('alert')).first().waitFor();
  return verdict.textContent();
}

async function editWithGeneratedKey(publicKeyId: string): Promise<string> {
  await card().getByRole('button', { name: 'Edit' }).click();
  const form = page.getByRole('form', { name: 'Edit account' });
  await form.getByLabel('Generate here (recommended)').check();
  await form.getByText(/the stored key stops working for this account/).waitFor();
  await form.getByRole('button', { name: 'Generate key pair' }).click();
  const publicKeyPem = (await form.getByTestId('public-key-pem').textContent())!;
  await form.getByText(/holds the only copy of this private key/).waitFor();
  await form.getByLabel('Public Key ID').fill(publicKeyId);
  return publicKeyPem;
}

describe('options page: replacing a key', () => {
  it('holds unlimitedStorage, and the card says the key store is kept under disk pressure', async () => {
    await card().getByText('Key storage is persistent: the browser keeps it when disk space runs low.').waitFor();
    // Chromium grants unlimitedStorage, whose storage it never evicts, even where persist() is refused.
    type Permissions = { permissions: { contains(p: { permissions: string[] }): Promise<boolean> } };
    expect(
      await page.evaluate(() =>
        (globalThis as unknown as { chrome: Permissions }).chrome.permissions.contains({
          permissions: ['unlimitedStorage'],
        }),
      ),
    ).toBe(true);
  });

  it('keeps the old key when the new one fails the connection test, and Cancel changes nothing', async () => {
    const fingerprint = await card().locator('.fingerprint').last().textContent();
    await editWithGeneratedKey(unknownKeyId);
    const form = page.getByRole('form', { name: 'Edit account' });
    await form.getByRole('button', { name: 'Save account' }).click();
    await form.getByRole('button', { name: 'Replace the key anyway' }).waitFor();
    await form.getByText(/the stored key was kept and still works/).waitFor();
    await form.getByRole('button', { name: 'Cancel' }).click();
    await form.waitFor({ state: 'detached' });
    expect(await card().locator('.fingerprint').last().textContent()).toBe(fingerprint);
    expect(await connected()).toContain('Amazon accepted a signed request with this key.');
  });

  it('replaces the key once the new public key is registered and passes the test', async () => {
    const fingerprint = await card().locator('.fingerprint').last().textContent();
    const publicKeyPem = await editWithGeneratedKey(registeredKeyId);
    stack.emulator.admin.registerMerchant({ publicKeyId: registeredKeyId, publicKeyPem, region: 'na' });
    await page.getByRole('form', { name: 'Edit account' }).getByRole('button', { name: 'Save account' }).click();
    await page
      .getByText(`Account "${LABEL}" saved with its new key; the old key was deleted from this browser.`)
      .waitFor();
    await expect.poll(() => card().locator('.fingerprint').last().textContent()).not.toBe(fingerprint);
    expect(await connected()).toContain('Amazon accepted a signed request with this key.');
  });
});
