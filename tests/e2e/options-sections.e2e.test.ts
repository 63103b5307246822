import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionSession } from './harness';

/** Each options section loads its own code when shown: from a direct link, from the side navigation, or not at all. */

const SECTIONS = [
  ['accounts', 'Accounts and keys', 'AccountsSection'],
  ['bulk', 'Bulk download', 'BulkSection'],
  ['history', 'Archive history', 'HistorySection'],
  ['auto-archive', 'Auto-archive', 'AutoArchiveSection'],
  ['reports', 'Reports & schedules', 'ReportsSection'],
  ['settlements', 'Settlements', 'SettlementsSection'],
  ['accounting', 'Accounting', 'AccountingSection'],
  ['exports', 'Exports', 'ExportsSection'],
  ['bank', 'Bank', 'BankSection'],
] as const;

let session: ExtensionSession;

beforeAll(async () => {
  session = await launchExtension({ port: 9 });
});

afterAll(async () => {
  await session?.close();
});

/** The section chunks a page has fetched, by name (`SettlementsSection`). */
function sectionFetches(page: Page): string[] {
  const fetched: string[] = [];
  page.on('request', (request) => {
    const name = /\/chunks\/(\w+Section)-[\w-]+\.js$/.exec(request.url())?.[1];
    if (name) fetched.push(name);
  });
  return fetched;
}

/** The heading is the section's and its code has loaded: no loading line of the page's, no error. */
async function sectionShown(page: Page, heading: string): Promise<void> {
  await page.getByRole('heading', { level: 2, name: heading, exact: true }).waitFor();
  await page.locator('main .section-loading').waitFor({ state: 'detached' });
  expect(await page.getByText('This section could not be loaded').count()).toBe(0);
}

describe('the options sections', () => {
  it.each(SECTIONS)('#%s opens from a direct link and loads no other section', async (id, heading, chunk) => {
    const page = await session.context.newPage();
    const fetched = sectionFetches(page);
    await page.goto(`chrome-extension://${session.extensionId}/options.html#${id}`);
    await sectionShown(page, heading);
    expect(await page.locator('main').innerText()).not.toBe(heading);
    expect(fetched).toEqual([chunk]);
    await page.close();
  });

  it('opens each section from the side navigation, fetching each section once', async () => {
    const page = await session.context.newPage();
    const fetched = sectionFetches(page);
    await page.goto(`chrome-extension://${session.extensionId}/options.html`);
    await sectionShown(page, 'Accounts and keys');
    for (const [id, heading] of [...SECTIONS.slice(1), SECTIONS[0]]) {
      await page.getByRole('navigation').getByRole('link', { name: heading, exact: true }).click();
      await sectionShown(page, heading);
      expect(page.url()).toMatch(new RegExp(`#${id}$`));
    }
    expect(fetched.sort()).toEqual(SECTIONS.map(([, , chunk]) => chunk).sort());
    await page.close();
  });

  it('says clearly when a section cannot load, and loads it after a reload', async () => {
    const page = await session.context.newPage();
    const broken = /\/chunks\/SettlementsSection-[\w-]+\.js$/;
    await page.route(broken, (route) => route.abort());
    await page.goto(`chrome-extension://${session.extensionId}/options.html#settlements`);
    const alert = page.getByRole('alert').filter({ hasText: 'This section could not be loaded' });
    await alert.waitFor();
    await page.unroute(broken);
    await alert.getByRole('button', { name: 'Reload the page' }).click();
    await sectionShown(page, 'Settlements');
    await page.locator('main .ledger').waitFor();
    await page.close();
  });
});
