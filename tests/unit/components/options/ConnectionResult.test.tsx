import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { ConnectionResult } from '@/entrypoints/options/sections/accounts/ConnectionResult';
import type { ErrorCode } from '@/utils/errors/codes';
import { expectAccessible } from '../a11y';

const theirs = 'AMZN-PAY-RSASSA-PSS-V2\naaaa';
const ours = 'AMZN-PAY-RSASSA-PSS-V2\nbbbb';

describe('connection verdict', () => {
  it('says OK', async () => {
    const { container } = render(<ConnectionResult verdict={{ ok: true, reportsSeen: 1, clockSkewSeconds: 0 }} />);
    expect(screen.getByText('Connected')).toBeTruthy();
    await expectAccessible(container);
  });

  it('mentions a corrected clock offset', () => {
    render(<ConnectionResult verdict={{ ok: true, reportsSeen: 1, clockSkewSeconds: -300 }} />);
    expect(screen.getByText(/clock is 300 s off/)).toBeTruthy();
  });

  it('opens the signature doctor with the differing line marked', async () => {
    const { container } = render(
      <ConnectionResult
        verdict={{
          ok: false,
          error: {
            name: 'SignatureError',
            code: 'signature-mismatch',
            message: 'x',
            userMessage: "The private key doesn't match",
            details: {
              theirStringToSign: theirs,
              ourStringToSign: ours,
              difference: { line: 2, theirs: 'aaaa', ours: 'bbbb' },
              requestId: 'req-1',
            },
          },
        }}
      />,
    );
    expect(screen.getByText('The private key does not match this Public Key ID')).toBeTruthy();
    expect(screen.getByText(/differ from line 2/)).toBeTruthy();
    expect([...container.querySelectorAll('.differs')].map((e) => e.textContent)).toEqual(['aaaa', 'bbbb']);
    expect(screen.getByText(/req-1/)).toBeTruthy();
    await expectAccessible(container);
  });

  // Known codes are worded from the code (in the UI language); others show the error's own userMessage.
  it.each<[ErrorCode, string, RegExp]>([
    ['unauthorized', 'Amazon does not know this Public Key ID here', /^Amazon refused this Public Key ID/],
    ['account-inactive', 'Amazon Pay account not active', /^Amazon says this Amazon Pay account is not active/],
    ['clock-skew', "Your computer's clock is off", /^Amazon rejected this computer's clock/],
    ['network', 'Amazon Pay could not be reached', /^what to do$/],
    ['invalid-request', 'The test failed', /^what to do$/],
  ])('titles a %s failure precisely', (code, title, body) => {
    render(
      <ConnectionResult verdict={{ ok: false, error: { name: 'E', code, message: 'm', userMessage: 'what to do' } }} />,
    );
    expect(screen.getByText(title)).toBeTruthy();
    expect(screen.getByText(body)).toBeTruthy();
  });
});
