/** What the ledger's e2e suites share: the settlement fixtures, the Settlements section with an account. */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_PRIVATE_KEY_PATH, SEEDED_MERCHANTS } from '../../emulator/index';
import { repoRoot } from '../harness';
import { addAccountByImport, type Stack } from './stack';

export const ledgerFixtures = (...names: string[]) =>
  names.map((name) => path.join(repoRoot, 'tests/fixtures/ledger', name));

/** The options page on its Settlements section, once the seeded live North America account is added. */
export async function openSettlementsSection(stack: Stack): Promise<Page> {
  const live = SEEDED_MERCHANTS.find((m) => m.region === 'na' && m.environment === 'live')!;
  const options = await stack.browser.openPage('options.html');
  const pem = fs.readFileSync(DEMO_PRIVATE_KEY_PATH, 'utf8');
  await addAccountByImport(options, { label: 'Demo Shop', region: 'na', publicKeyId: live.publicKeyId, pem });
  await options.getByRole('navigation').getByRole('link', { name: 'Settlements' }).click();
  await options.getByRole('heading', { level: 2, name: 'Settlements' }).waitFor();
  return options;
}
