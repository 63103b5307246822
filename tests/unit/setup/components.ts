import { cleanup } from '@testing-library/preact';
import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import messages from '@/public/_locales/en/messages.json';

/** Chrome's getMessage semantics over the real English messages: unknown key → "", $1…$9 substituted. */
function getMessage(name: string, substitutions?: string | string[]): string {
  const entry = (messages as Record<string, { message: string }>)[name];
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : ([] as string[]).concat(substitutions);
  return entry.message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}

beforeEach(() => {
  Object.assign(fakeBrowser.i18n, { getMessage, getUILanguage: () => 'en-US' });
});

afterEach(cleanup);
