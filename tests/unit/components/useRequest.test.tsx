/** The busy / error / notice state around a view's requests (issue 15 §3). */
import { fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useRequest } from '@/components/hooks/useRequest';
import { KeyMissingError } from '@/utils/amazon-pay/errors';
import { sendMessage } from '@/utils/messaging/client';
import { errorText } from '@/utils/views/error-text';

/** The background's answer to the next ping, held until the test lets it go. */
function heldReplies() {
  const pending: Array<(reply: unknown) => void> = [];
  listener = () => new Promise((resolve) => pending.push(resolve));
  fakeBrowser.runtime.onMessage.addListener(listener);
  return (reply: unknown) => pending.shift()!(reply);
}

let listener: (() => Promise<unknown>) | undefined;
afterEach(() => {
  if (listener) fakeBrowser.runtime.onMessage.removeListener(listener);
  listener = undefined;
});

function Probe() {
  const { busy, error, notice, run, fail, clear } = useRequest();
  const ping = () =>
    void run(async () => {
      const { version } = await sendMessage('ping', {});
      return `version ${version}`;
    });
  return (
    <div>
      <button type="button" disabled={busy} onClick={ping}>
        Ping
      </button>
      <button type="button" onClick={() => fail(new TypeError('https://x.example/?X-Amz-Signature=5ecre7'))}>
        Fail
      </button>
      <button type="button" onClick={clear}>
        Clear
      </button>
      <p data-testid="notice">{notice ?? 'no notice'}</p>
      <p data-testid="error">{error ? `${error.code}: ${errorText(error)}` : 'no error'}</p>
    </div>
  );
}

const ping = () => screen.getByRole('button', { name: 'Ping' }) as HTMLButtonElement;
const shown = (id: string) => screen.getByTestId(id).textContent;

describe('useRequest', () => {
  it('is busy while a request runs, then shows what it said', async () => {
    const answer = heldReplies();
    render(<Probe />);
    fireEvent.click(ping());
    expect(ping().disabled).toBe(true);
    answer({ ok: true, value: { version: '1.2.3' } });
    await screen.findByText('version 1.2.3');
    expect(ping().disabled).toBe(false);
    expect(shown('error')).toBe('no error');
  });

  it("keeps a refusal as the background's error, and a new request clears it and the last notice", async () => {
    const answer = heldReplies();
    render(<Probe />);
    fireEvent.click(ping());
    answer({ ok: true, value: { version: '1' } });
    await screen.findByText('version 1');
    fireEvent.click(ping());
    expect(shown('notice')).toBe('no notice');
    answer({ ok: false, error: KeyMissingError.forAccount('acc-1').toJSON() });
    await screen.findByText(/^key-missing: /);
    expect(ping().disabled).toBe(false);
    fireEvent.click(ping());
    expect(shown('error')).toBe('no error');
    answer({ ok: true, value: { version: '2' } });
    await screen.findByText('version 2');
  });

  it('keeps a failure from outside run as unknown, without its text, until cleared', () => {
    render(<Probe />);
    fireEvent.click(screen.getByRole('button', { name: 'Fail' }));
    expect(shown('error')).toBe('unknown: Something went wrong; try again.');
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    expect(shown('error')).toBe('no error');
  });
});
