/** Every code the product can show survives the message boundary and is worded in all six languages (issue 15 §1). */
import { describe, expect, it } from 'vitest';
import { ReportCourierError } from '@/utils/errors/base';
import { ERROR_CODES, type ErrorCode } from '@/utils/errors/codes';
import { errorText, WORDING } from '@/utils/views/error-text';
import { setUiLanguage } from '@/tests/unit/setup/components';

/** What the codes whose wording takes variable parts carry. */
const DETAILS: Partial<Record<ErrorCode, Record<string, unknown>>> = {
  'invalid-request': { status: 400, reasonCode: 'InvalidParameterValue', amazonMessage: 'startTime' },
  'amazon-error': { status: 418 },
  'clock-skew': { skewMs: -300_000 },
  'signature-mismatch': { difference: { line: 2 } },
  network: { host: 'pay-api.amazon.eu', timedOut: true },
  truncated: { params: ['END', 'PRIVATE KEY'] },
  'multiple-keys': { params: [2] },
  'unsupported-pem': { params: ['X509 CRL'] },
  'not-rsa': { params: ['EC (P-256)'] },
  'key-too-small': { params: [1024] },
  'attempts-exhausted': { reason: 'NETWORK_FAILED', attempts: 5 },
  'report-rule': { rule: 'range-future' },
};

/** Never shown when the code is worded: the text comes from the locale catalogues. */
const ENGLISH_ONLY = 'ENGLISH-ONLY USER MESSAGE';

const LANGUAGES = ['en', 'de', 'fr', 'it', 'es', 'ja'];

describe.each(ERROR_CODES.map((code) => [code]))('%s', (code) => {
  const thrown = new ReportCourierError(code, 'm', ENGLISH_ONLY, DETAILS[code] ?? {});
  // What the view holds after the background's reply crossed as JSON.
  const revived = ReportCourierError.revive(JSON.parse(JSON.stringify(thrown)));

  it('comes back with its code and details', () => {
    expect(revived.code).toBe(code);
    expect(revived.details).toEqual(thrown.details);
  });

  it('is worded in every language from the catalogues', () => {
    const texts = LANGUAGES.map((language) => {
      setUiLanguage(language);
      return errorText(revived);
    });
    for (const text of texts) {
      expect(text).not.toBe('');
      expect(text).not.toContain(ENGLISH_ONLY);
    }
    // German differs from English: the wording is translated, not a key name or a fallback.
    expect(texts[1]).not.toBe(texts[0]);
  });
});

describe('the wording table', () => {
  it('compiles only with a wording for every code', () => {
    // @ts-expect-error a code added to the union without a wording does not satisfy the table's type
    const withNewCode = WORDING satisfies Record<ErrorCode | 'a-new-code', unknown>;
    expect(Object.keys(withNewCode).sort()).toEqual([...ERROR_CODES].sort());
  });
});
