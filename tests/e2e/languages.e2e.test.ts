import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_HOSTS, startEmulator, type RunningEmulator } from '../emulator/index';
import { launchExtension, repoRoot, saveScreenshot, type ExtensionSession } from './harness';
import { openPopup } from './support/popup';
import { addSeededAccount, seededMerchant } from './support/stack';

type Messages = Record<string, { message: string }>;

/** A date as each language writes it with `dateStyle: 'medium'`: proof the UI language reached Intl. */
const DATE_SHAPES: Record<string, RegExp> = {
  en: /^[A-Z][a-z]{2} \d{1,2}, \d{4}$/,
  de: /^\d{2}\.\d{2}\.\d{4}$/,
  fr: /^\d{1,2} [a-zéû]{3,5}\.? \d{4}$/,
  it: /^\d{1,2} [a-z]{3} \d{4}$/,
  es: /^\d{1,2} [a-z]{3,4} \d{4}$/,
  ja: /^\d{4}\/\d{2}\/\d{2}$/,
};

const merchant = seededMerchant('na');
const messages = (lang: string) =>
  JSON.parse(fs.readFileSync(path.join(repoRoot, `public/_locales/${lang}/messages.json`), 'utf8')) as Messages;
/** Amazon's basic ISO 8601 ('20261011T120000Z') as a Date can read it. */
const isoOf = (basic: string) => basic.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})/, '$1-$2-$3T$4:$5:$6');
const fill = (message: string, subs: string[]) =>
  message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');

/** The ledger's files, imported once in English; every language then reads the same settlements. */
const settlementFiles = ['settlement-us.csv', 'settlement-jp.csv'].map((name) =>
  path.join(repoRoot, 'tests/fixtures/ledger', name),
);
/** From settlement-us.csv: its period, its payout and one order's capture. */
const US = {
  id: '7301234567',
  periodStart: '2026-03-02T15:00:12-08:00',
  periodEnd: '2026-03-03T14:59:58-08:00',
  payout: 1204.17,
  order: 'P01-7730114-0091826',
  capture: { amount: 49.9, fee: -1.75, net: 48.15, postedAt: '2026-03-02T21:40:55-08:00' },
};

let emulator: RunningEmulator;
let profile: string;
let english: ExtensionSession | undefined;

const launch = (lang: string) =>
  launchExtension({ port: emulator.port, extraHosts: DOCUMENT_HOSTS, userDataDir: profile, lang });

// One profile for all languages: the account is added once, in English (the helper finds fields by English labels).
beforeAll(async () => {
  emulator = await startEmulator({ seed: 'e2e' });
  profile = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-languages-'));
  english = await launch('en');
  await addSeededAccount(english, 'Demo Shop', 'na');
  const options = await english.openPage('options.html#settlements');
  await options.locator('input[type="file"]:not([webkitdirectory])').setInputFiles(settlementFiles);
  await options.getByText('2 imported, 0 already known, 0 in conflict.').waitFor();
  await options.close();
});

afterAll(async () => {
  await english?.close();
  await emulator?.close();
});

async function checkPopup(session: ExtensionSession, lang: string, m: Messages): Promise<void> {
  const popup = await openPopup(session);
  const uiLanguage = () =>
    (globalThis as unknown as { chrome: { i18n: { getUILanguage(): string } } }).chrome.i18n.getUILanguage();
  expect(await popup.evaluate(uiLanguage)).toMatch(new RegExp(`^${lang}\\b`));
  expect(await popup.evaluate(() => document.documentElement.lang)).toMatch(new RegExp(`^${lang}\\b`));
  await expect.poll(() => popup.locator('.updated').textContent(), { timeout: 15_000 }).toBe(m.updatedJustNow!.message);

  const row = popup.locator('li.report', { has: popup.locator('button:not([disabled])') }).first();
  const reportId = (await row.getAttribute('data-report-id'))!;
  const report = emulator.admin.reports(merchant.publicKeyId, 'live').find((r) => r.reportId === reportId)!;
  expect((await row.getByRole('button').textContent())?.trim()).toBe(m.download!.message);

  // The period as Intl writes it for this language, and in the shape people of that language expect.
  const [start, end] = await popup.evaluate(
    ({ lang, times }: { lang: string; times: string[] }) => {
      const format = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' });
      return times.map((time) => format.format(new Date(time)));
    },
    { lang, times: [isoOf(report.startTime!), isoOf(report.endTime!)] },
  );
  expect(start).toMatch(DATE_SHAPES[lang]!);
  expect(await row.locator('.report-meta').first().textContent()).toBe(fill(m.reportPeriod!.message, [start!, end!]));

  const text = await popup.locator('body').innerText();
  for (const key of ['openSettings', 'refresh', 'filterStatus', 'filterPeriod'])
    expect(text).toContain(m[key]!.message);
  await expectNoOverflow(popup);
  await saveScreenshot(popup, `popup-${lang}`);
  await popup.close();
}

async function checkOptions(session: ExtensionSession, lang: string, m: Messages): Promise<void> {
  const options = await session.openPage('options.html');
  expect(await options.evaluate(() => document.documentElement.lang)).toMatch(new RegExp(`^${lang}\\b`));
  await options.getByText('Demo Shop').first().waitFor();
  const nav = options.getByRole('navigation', { name: m.settingsNavLabel!.message });
  for (const key of ['navAccounts', 'navBulk', 'navHistory', 'navAutoArchive', 'navReports']) {
    await nav.getByRole('link', { name: m[key]!.message, exact: true }).waitFor();
  }
  await options.getByRole('button', { name: m.testConnection!.message }).waitFor();
  await expectNoOverflow(options);
  await saveScreenshot(options, `options-${lang}`, { fullPage: true });
  await options.close();
}

/** How Intl writes money and times in this language, worked out in the page (the browser's own time zone). */
function intlIn(page: Page, lang: string) {
  return {
    money: (amount: number) =>
      page.evaluate(
        ({ lang, amount }) => new Intl.NumberFormat(lang, { style: 'currency', currency: 'USD' }).format(amount),
        { lang, amount },
      ),
    dateTime: (iso: string) =>
      page.evaluate(
        ({ lang, iso }) =>
          new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)),
        { lang, iso },
      ),
    day: (iso: string) =>
      page.evaluate(({ lang, iso }) => new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(new Date(iso)), {
        lang,
        iso,
      }),
  };
}

/** The settlement list, a detail and an order's timeline, in the language's words, money and dates. */
async function checkLedger(session: ExtensionSession, lang: string, m: Messages): Promise<void> {
  const options = await session.openPage('options.html#settlements');
  const intl = intlIn(options, lang);
  const rows = options.getByRole('table', { name: m.ledgerListLabel!.message, exact: true }).locator('tbody tr');
  await expect.poll(() => rows.count()).toBe(2);
  const header = await options
    .getByRole('table', { name: m.ledgerListLabel!.message, exact: true })
    .locator('thead')
    .innerText();
  for (const key of ['ledgerColPeriod', 'ledgerColSettlement', 'ledgerColGross', 'ledgerColPayout', 'ledgerColCheck'])
    expect(header).toContain(m[key]!.message);
  const name = fill(m.ledgerSettlementName!.message, [US.id, 'USD']);
  const row = rows.filter({ has: options.getByRole('button', { name }) });
  const period = fill(m.ledgerPeriod!.message, [
    await intl.dateTime(US.periodStart),
    await intl.dateTime(US.periodEnd),
  ]);
  const startDay = await intl.day(US.periodStart);
  expect(startDay).toMatch(DATE_SHAPES[lang]!);
  expect(period).toContain(startDay);
  expect(await row.locator('td').first().innerText()).toBe(period);
  expect(await row.innerText()).toContain(await intl.money(US.payout));
  await options.getByRole('figure', { name: fill(m.ledgerChartTitle!.message, ['USD']) }).waitFor();
  await expectNoOverflow(options);
  await saveScreenshot(options, `ledger-${lang}`, { fullPage: true });

  await options.getByRole('button', { name }).click();
  const detail = options.locator('.ledger-detail');
  await detail.getByRole('heading', { name: m.ledgerChecks!.message }).waitFor();
  await detail.getByRole('table', { name: m.ledgerCategoryTableLabel!.message }).waitFor();
  expect(await detail.getByRole('button', { name: m.ledgerBack!.message }).count()).toBe(1);
  expect(await detail.locator('.ledger-checks').innerText()).toContain(await intl.money(US.payout));
  await expectNoOverflow(options);
  await saveScreenshot(options, `ledger-detail-${lang}`, { fullPage: true });

  await detail.getByRole('button', { name: m.ledgerBack!.message }).click();
  await options.getByRole('searchbox', { name: m.ledgerSearchLabel!.message }).fill(US.order);
  const timeline = options.getByRole('article');
  await timeline.getByRole('heading', { name: fill(m.ledgerTimelineTitle!.message, [US.order]) }).waitFor();
  const { amount, fee, net, postedAt } = US.capture;
  const entry = fill(m.ledgerTimelineEntry!.message, [
    await intl.money(amount),
    await intl.money(fee),
    await intl.money(net),
    await intl.dateTime(postedAt),
  ]);
  const capture = await timeline.getByRole('listitem').first().innerText();
  expect(capture.startsWith(`${m.ledgerCategoryCapture!.message} ${entry}`), capture).toBe(true);
  await expectNoOverflow(options);
  await saveScreenshot(options, `ledger-search-${lang}`, { fullPage: true });
  await options.close();
}

/** Longer words must wrap, not push the page sideways or get cut off inside a control. */
async function expectNoOverflow(page: Page): Promise<void> {
  const problems = await page.evaluate(() => {
    const found: string[] = [];
    if (document.documentElement.scrollWidth > innerWidth)
      found.push(`page scrolls sideways (${document.documentElement.scrollWidth}px)`);
    for (const el of document.querySelectorAll<HTMLElement>(
      // A table's scroller counts too: columns scrolled out of sight are cut off for whoever does not scroll.
      'button, label, a, h1, h2, h3, th, td, .badge, .status, .updated, legend, .table-scroll',
    )) {
      // Text kept for screen readers only is clipped on purpose.
      if (el.closest('.visually-hidden')) continue;
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible') {
        found.push(`${el.tagName.toLowerCase()} "${el.textContent?.trim().slice(0, 40)}" is cut off`);
      }
    }
    return found;
  });
  expect(problems).toEqual([]);
}

describe('six languages', () => {
  it.each(['en', 'de', 'fr', 'it', 'es', 'ja'])(
    '%s: popup, options and the ledger are translated, money and dates formatted for the language',
    async (lang) => {
      const m = messages(lang);
      // One browser per profile at a time: the English one is closed before any other language starts.
      if (lang !== 'en')
        await english?.close().then(() => {
          english = undefined;
        });
      const session = lang === 'en' ? english! : await launch(lang);
      try {
        await checkPopup(session, lang, m);
        await checkOptions(session, lang, m);
        await checkLedger(session, lang, m);
      } finally {
        await session.close();
        if (session === english) english = undefined;
      }
    },
  );
});
