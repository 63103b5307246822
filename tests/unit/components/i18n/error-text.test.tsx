import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { ReportList } from '@/components/ReportList';
import { ConnectionResult } from '@/entrypoints/options/sections/accounts/ConnectionResult';
import { ReportRuleError, checkCreateRules } from '@/utils/archive/report-rules';
import { ClockSkewError, NetworkError, userMessageFor } from '@/utils/amazon-pay/errors';
import { attemptsExhausted, classifyInterrupt } from '@/utils/downloads/interrupts';
import { QueueStorageError } from '@/utils/downloads/storage-fault';
import { keyErrors } from '@/utils/keys/errors';
import type { JobError } from '@/utils/downloads/types';
import { errorText } from '@/utils/views/error-text';
import { setUiLanguage } from '@/tests/unit/setup/components';
import { job, report } from '../fixtures';

/** `code` is a string: a stored job may hold a code of an earlier version. */
function failedRow(error: { code: string; userMessage: string }) {
  const r = report();
  return render(
    <ReportList
      reports={[r]}
      jobs={new Map([[r.reportId, job({ state: 'failed', error: error as JobError })]])}
      emptyText=""
      onDownload={() => {}}
    />,
  );
}

describe('error texts in the UI language', () => {
  it('a German UI shows a known download failure in German', () => {
    setUiLanguage('de');
    const { container } = failedRow({
      code: 'FILE_NO_SPACE',
      userMessage: 'Your disk is full: free some space, then Retry failed.',
    });
    expect(container.textContent).toContain('Fehlgeschlagen: Ihre Festplatte ist voll');
    expect(container.textContent).not.toContain('Your disk is full');
    expect(screen.getByRole('button', { name: /^Wiederholen/ })).toBeTruthy();
  });

  it('an unknown code falls back to the English userMessage', () => {
    setUiLanguage('de');
    const { container } = failedRow({ code: 'SOMETHING_NEW', userMessage: 'A brand-new problem.' });
    expect(container.textContent).toContain('Fehlgeschlagen: A brand-new problem.');
  });

  it('the connection test words a network error with its host, in Japanese', () => {
    setUiLanguage('ja');
    const error = new NetworkError('x', "Couldn't reach Amazon Pay (pay-api.amazon.jp)", {
      host: 'pay-api.amazon.jp',
      cause: 'offline',
    });
    const { container } = render(<ConnectionResult verdict={{ ok: false, error: error.toJSON() }} />);
    expect(container.textContent).toContain('Amazon Pay に接続できません');
    expect(container.textContent).toContain('pay-api.amazon.jp');
    expect(container.textContent).not.toContain("Couldn't reach");
  });

  it('KeyImportError params and numbers follow the language', () => {
    setUiLanguage('de');
    expect(errorText(keyErrors.tooSmall(1024))).toContain('nur 1.024 Bit');
    setUiLanguage('fr');
    expect(errorText(keyErrors.multipleKeys(3))).toContain('3 clés privées');
  });

  it('the clock, report rules and attempts use their details', () => {
    setUiLanguage('es');
    expect(errorText(new ClockSkewError('x', 'y', { status: 400, skewMs: -7_000 }).toJSON())).toContain('7 s');
    const rule = (() => {
      try {
        checkCreateRules({
          account: { environment: 'live' } as never,
          reportType: '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_',
          startTime: new Date(0),
          endTime: new Date(1),
          now: 2,
        });
      } catch (e) {
        return e as ReportRuleError;
      }
    })();
    expect(errorText(JSON.parse(JSON.stringify(rule)))).toMatch(/^Amazon crea .*liquidación/);
    expect(errorText(attemptsExhausted('NETWORK_FAILED', 5))).toContain('NETWORK_FAILED');
    expect(errorText(attemptsExhausted('NETWORK_FAILED', 5))).not.toContain('kept failing');
  });
});

describe('English texts match the modules they replace', () => {
  it.each(
    Object.entries(keyErrors).filter(
      ([name]) =>
        !['truncated', 'multipleKeys', 'unsupportedPem', 'notRsa', 'tooSmall', 'unsupportedEncryption'].includes(name),
    ),
  )('keyErrors.%s', (_, make) => {
    const error = (make as () => ReturnType<typeof keyErrors.openssh>)();
    expect(errorText(error)).toBe(error.userMessage);
  });

  it.each([
    'FILE_NO_SPACE',
    'FILE_ACCESS_DENIED',
    'FILE_NAME_TOO_LONG',
    'FILE_TOO_LARGE',
    'FILE_VIRUS_INFECTED',
    'FILE_BLOCKED',
    'FILE_SECURITY_CHECK_FAILED',
  ])('download interrupt %s', (reason) => {
    const decision = classifyInterrupt(reason as never);
    if (decision.action !== 'fail') throw new Error(`${reason} does not fail`);
    expect(errorText(decision.error)).toBe(decision.error.userMessage);
  });

  it.each(['QuotaExceededError', 'UnknownError'])('queue storage failure %s', (name) => {
    const error = new QueueStorageError(new DOMException('x', name));
    expect(errorText(error.reason)).toBe(error.userMessage);
    setUiLanguage('ja');
    expect(errorText(error.reason)).toContain('再開');
  });

  it.each(['ResourceNotFound', 'TooManyRequests', 'ServiceUnavailable', 'DuplicateIdempotencyKey'])(
    'Amazon reasonCode %s',
    (reasonCode) => {
      const details = { status: 400, reasonCode };
      expect(`${errorText({ code: 'invalid-request', userMessage: '', details })}`).toBe(
        `${userMessageFor(details, { region: 'eu', environment: 'live' })}.`,
      );
    },
  );
});
