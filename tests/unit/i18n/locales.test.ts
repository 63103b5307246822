import { beforeAll, describe, expect, it } from 'vitest';
import { compareLocale, localeCodes, readMessages, usedKeys, type Messages } from '@/scripts/locales';

const LANGUAGES = ['de', 'en', 'es', 'fr', 'it', 'ja'];
const english = readMessages('en');
let used: Set<string>;

// The scan type-checks the whole extension once; on a busy machine that takes a while.
beforeAll(() => {
  used = usedKeys(new Set(Object.keys(english)));
}, 120_000);

describe('locales', () => {
  it('ships the six languages, English by default', () => {
    expect(localeCodes()).toEqual(LANGUAGES);
  });

  it('English holds exactly the keys the source uses', () => {
    expect(compareLocale(english, english, used, true)).toEqual({ missing: [], unused: [], placeholders: [] });
  });

  it.each(LANGUAGES.filter((code) => code !== 'en'))(
    '%s has every English key, no other, with the same placeholders',
    (code) => {
      expect(compareLocale(readMessages(code), english, used, false)).toEqual({
        missing: [],
        unused: [],
        placeholders: [],
      });
    },
  );
});

describe('compareLocale', () => {
  const en: Messages = { a: { message: 'Saved $1 of $2' }, b: { message: 'Hello' } };

  it('names a missing key, an unused key and changed placeholders', () => {
    const de: Messages = { a: { message: '$1 gespeichert' }, c: { message: 'Übrig' } };
    expect(compareLocale(de, en, new Set(['a', 'b']), false)).toEqual({
      missing: ['b'],
      unused: ['c'],
      placeholders: ['a'],
    });
  });

  it('flags English keys the source never uses, and used keys English lacks', () => {
    expect(compareLocale(en, en, new Set(['a', 'z']), true)).toEqual({
      missing: ['z'],
      unused: ['b'],
      placeholders: [],
    });
  });

  it('compares placeholders objects too', () => {
    const withObject: Messages = { a: { message: '$n$ of $2', placeholders: { n: { content: '$1' } } } };
    const changed: Messages = { a: { message: '$n$ von $2', placeholders: { n: { content: '$2' } } } };
    expect(compareLocale(changed, withObject, new Set(['a']), false).placeholders).toEqual(['a']);
  });
});

describe('usedKeys', () => {
  it('finds t() literals, MessageKey-typed literals and `status${…}` templates', () => {
    const keys = new Set(Object.keys(english));
    // Spot checks of each way the source names a key.
    expect(used.has('download')).toBe(true);
    expect(used.has('statusIN_PROGRESS')).toBe(true);
    expect(used.has('typeMultiCurrency')).toBe(true);
    expect(used.has('navAccounts')).toBe(true);
    expect(used.has('extDescription')).toBe(true);
    expect([...used].every((key) => keys.has(key))).toBe(true);
  });
});
