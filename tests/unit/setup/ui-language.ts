import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/** The fake browser speaks the real locales: any test that words something in the UI language imports this. */

type Catalog = Record<string, { message: string }>;

/** Every locale's real messages, so a test can switch the fake UI language. */
const catalogs = import.meta.glob<Catalog>('/public/_locales/*/messages.json', { eager: true, import: 'default' });
const catalog = (language: string): Catalog | undefined => catalogs[`/public/_locales/${language}/messages.json`];

let language = 'en';

/** The fake browser's UI language for the rest of this test; each test starts in English. */
export function setUiLanguage(code: string): void {
  if (!catalog(code)) throw new Error(`No messages for ${code}`);
  language = code;
}

/** Chrome's getMessage semantics: the UI language's message, else English's; unknown key → "", $1…$9 substituted. */
function getMessage(name: string, substitutions?: string | string[]): string {
  const entry = catalog(language)?.[name] ?? catalog('en')?.[name];
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : ([] as string[]).concat(substitutions);
  return entry.message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}

beforeEach(() => {
  language = 'en';
  Object.assign(fakeBrowser.i18n, { getMessage, getUILanguage: () => (language === 'en' ? 'en-US' : language) });
});
