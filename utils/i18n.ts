import { browser } from 'wxt/browser';
import type en from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;

/** Every user-visible string goes through here, so each locale in public/_locales can translate it. */
export function t(key: MessageKey, substitutions?: string | number | Array<string | number>): string {
  const subs =
    substitutions === undefined
      ? undefined
      : ([] as Array<string | number>).concat(substitutions).map((s) => (typeof s === 'number' ? localNumber(s) : s));
  // WXT types one overload per key; a key union needs the plain signature.
  const getMessage = browser.i18n.getMessage as (name: string, substitutions?: string[]) => string;
  return getMessage(key, subs) || key;
}

export function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    return 'en';
  }
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** Counts in messages are written as the UI language writes numbers: 1,234 in English, 1.234 in German. */
export function localNumber(value: number, maximumFractionDigits = 3): string {
  const key = `${uiLanguage()}|${maximumFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(uiLanguage(), { maximumFractionDigits });
    numberFormats.set(key, format);
  }
  return format.format(value);
}
