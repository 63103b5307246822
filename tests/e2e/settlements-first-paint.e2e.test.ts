import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionSession } from './harness';
import { ledgerFixtures } from './support/ledger';

/** The options page opened at its Settlements list paints the list as last seen, then gives way to the live one. */

let session: ExtensionSession;

interface AtParse {
  inert: boolean;
  hidden: string | null;
  keptRows: string[];
  keptText: string;
  liveRows: number;
  appShown: boolean;
}

/** A new options page at `hash` that notes, once its HTML is parsed and before its modules run, what it shows. */
async function openAt(hash: string, prepare?: (page: Page) => Promise<unknown>): Promise<Page> {
  const page = await session.context.newPage();
  await prepare?.(page);
  await page.addInitScript({
    content: `document.addEventListener('DOMContentLoaded', () => {
      const kept = document.getElementById('first-paint');
      window.atParse = { inert: kept.inert, hidden: kept.getAttribute('aria-hidden'),
        keptRows: [...kept.querySelectorAll('table.ledger-list tbody tr')].map((row) => row.textContent),
        keptText: kept.textContent,
        liveRows: document.querySelectorAll('#app table.ledger-list tbody tr').length,
        appShown: getComputedStyle(document.getElementById('app')).display !== 'none' };
    });`,
  });
  await page.goto(`chrome-extension://${session.extensionId}/options.html${hash}`);
  return page;
}

const atParse = (page: Page) => page.evaluate(() => (window as unknown as { atParse: AtParse }).atParse);
const liveRows = (page: Page) => page.getByRole('table', { name: 'Settlements' }).locator('tbody tr');

beforeAll(async () => {
  session = await launchExtension({ port: 9 });
  const page = await session.openPage('options.html#settlements');
  await page
    .locator('input[type="file"]:not([webkitdirectory])')
    .setInputFiles(ledgerFixtures('settlement-us.csv', 'settlement-jp.csv'));
  await page.getByText('2 imported, 0 already known, 0 in conflict.').waitFor();
  await liveRows(page).nth(1).waitFor();
  // Kept once the list has settled on screen.
  await page.waitForFunction(() => localStorage.getItem('settlements-first-paint')?.includes('9100001234'));
  await page.close();
});

afterAll(async () => {
  await session?.close();
});

describe("the Settlements list's first paint", () => {
  it('shows the list as last seen before the modules run, inert and hidden from screen readers, then the live list', async () => {
    const page = await openAt('#settlements');
    await expect.poll(() => liveRows(page).count()).toBe(2);
    await page.locator('#first-paint:empty').waitFor({ state: 'attached' });

    const shown = await atParse(page);
    expect(shown).toMatchObject({ inert: true, hidden: 'true', liveRows: 0, appShown: false });
    expect(shown.keptRows).toHaveLength(2);
    expect(shown.keptRows.join(' ')).toContain('Settlement 9100001234 (JPY)');
    // The import's outcome was a passing notice of the page that imported: not kept.
    expect(shown.keptText).toContain('Settlement 7301234567 (USD)');
    expect(shown.keptText).not.toContain('2 imported');
    expect(await liveRows(page).first().innerText()).toContain('Settlement 9100001234 (JPY)');
    expect(await page.locator('#app').isVisible()).toBe(true);
    await page.close();
  });

  it('shows no kept list when the page opens at another section', async () => {
    const page = await openAt('#accounts');
    await page.getByRole('heading', { level: 2, name: 'Accounts and keys' }).waitFor();
    expect(await atParse(page)).toMatchObject({ keptRows: [], appShown: true });
    await page.close();
  });

  it('shows the error of a Settlements section that cannot load, not the kept list over it', async () => {
    const page = await openAt('#settlements', (p) =>
      p.route(/\/chunks\/SettlementsSection-[\w-]+\.js$/, (r) => r.abort()),
    );
    const alert = page.getByRole('alert').filter({ hasText: 'This section could not be loaded' });
    await alert.waitFor();
    expect((await atParse(page)).keptRows).toHaveLength(2);
    expect(await alert.isVisible()).toBe(true);
    expect(await page.locator('#first-paint').evaluate((holder) => holder.childElementCount)).toBe(0);
    await page.close();
  });

  it('gives way at once when the merchant leaves for another section before the list is live', async () => {
    const page = await openAt('#settlements', (p) =>
      // The list's code is held back, so the kept list is still up when the address changes.
      p.route(/\/chunks\/SettlementsSection-[\w-]+\.js$/, () => undefined),
    );
    await page.waitForFunction(() => document.getElementById('first-paint')?.childElementCount);
    await page.evaluate(() => (location.hash = '#bank'));
    await page.getByRole('heading', { level: 2, name: 'Bank' }).waitFor();
    expect(await page.locator('#first-paint').evaluate((holder) => holder.childElementCount)).toBe(0);
    await page.close();
  });
});
