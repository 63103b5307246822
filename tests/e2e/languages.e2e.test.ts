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

/** Longer words must wrap, not push the page sideways or get cut off inside a control. */
async function expectNoOverflow(page: Page): Promise<void> {
  const problems = await page.evaluate(() => {
    const found: string[] = [];
    if (document.documentElement.scrollWidth > innerWidth)
      found.push(`page scrolls sideways (${document.documentElement.scrollWidth}px)`);
    for (const el of document.querySelectorAll<HTMLElement>(
      'button, label, a, h1, h2, h3, th, td, .badge, .status, .updated, legend',
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
    '%s: popup and options are translated, dates formatted for the language',
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
      } finally {
        await session.close();
        if (session === english) english = undefined;
      }
    },
  );
});
