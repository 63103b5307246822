/** Errors cross the message boundary in one form, keep what views need and carry no secret (issue 15 §1). */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { KeyMissingError } from '@/utils/amazon-pay/errors';
import { reportBackgroundError } from '@/utils/background/guard';
import { createRouter, type Handlers } from '@/utils/background/router';
import { ReportCourierError } from '@/utils/errors/base';
import { keyErrors } from '@/utils/keys/errors';
import { sendMessage, toSerialized } from '@/utils/messaging/client';

const SIGNED_URL = 'https://tortuga.s3.example/report.csv?X-Amz-Signature=5ecre7';
const PEM = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----';

/** A background that answers every message by throwing `thrown`, reached through the real router and client. */
function backgroundThrowing(thrown: unknown) {
  const fail = async () => {
    throw thrown;
  };
  const handlers = { ping: fail } as unknown as Handlers;
  const route = createRouter({
    handlers,
    extension: { id: 'ext', baseUrl: 'chrome-extension://ext/' },
    log: () => undefined,
  });
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) =>
    // JSON, as runtime messaging serialises.
    JSON.parse(JSON.stringify(await route(message, { id: 'ext', url: 'chrome-extension://ext/options.html' }))),
  );
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable('the call should fail'),
    (error: unknown) => error,
  );
}

describe('an error thrown in the background, caught by a view', () => {
  it('is a ReportCourierError again, with its name, code, text and details', async () => {
    backgroundThrowing(keyErrors.multipleKeys(3));
    const error = await caught(sendMessage('ping', {}));
    expect(error).toBeInstanceOf(ReportCourierError);
    expect(toSerialized(error)).toEqual({
      name: 'KeyImportError',
      code: 'multiple-keys',
      message: 'The text contains 3 private keys. Paste only the one for this account.',
      userMessage: 'The text contains 3 private keys. Paste only the one for this account.',
      details: { params: [3] },
    });
  });

  it('becomes unknown when its code is not one of ours', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({
      ok: false,
      error: { name: 'Future', code: 'from-a-newer-version', message: 'm', userMessage: 'u' },
    });
    const error = await caught(sendMessage('ping', {}));
    expect(error).toMatchObject({ name: 'Future', code: 'unknown', userMessage: 'u' });
  });

  it('is no-reply when nothing answered', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
    expect(await caught(sendMessage('ping', {}))).toMatchObject({ code: 'no-reply' });
  });

  it('crosses without its text when we did not write it: no signed URL, no key, no stack', async () => {
    backgroundThrowing(new TypeError(`Invalid URL ${SIGNED_URL} for ${PEM}`));
    const error = await caught(sendMessage('ping', {}));
    const wire = JSON.stringify(toSerialized(error));
    expect(toSerialized(error)).toMatchObject({ code: 'unknown', userMessage: 'Something went wrong; try again.' });
    expect(wire).not.toContain('5ecre7');
    expect(wire).not.toContain('PRIVATE KEY');
    expect(wire).not.toContain('MIIE');
    expect(wire).not.toContain('.ts:');
  });
});

describe('toSerialized', () => {
  it('keeps our errors as they are', () => {
    const error = KeyMissingError.forAccount('acc-1');
    expect(toSerialized(error)).toEqual(error.toJSON());
  });

  it.each([new Error(`fetch ${SIGNED_URL}`), `key ${PEM}`, { userMessage: PEM, code: 'refused' }])(
    'turns anything else into unknown, without its text: %o',
    (thrown) => {
      const serialized = toSerialized(thrown);
      expect(serialized.code).toBe('unknown');
      expect(JSON.stringify(serialized)).not.toMatch(/5ecre7|PRIVATE KEY/);
    },
  );
});

describe('what the worker console shows of a failed task', () => {
  it('is the code and our message, never the text of an error we did not write', () => {
    const console = vi.spyOn(globalThis.console, 'error').mockImplementation(() => undefined);
    reportBackgroundError('auto-archive', new Error(`fetch ${SIGNED_URL}`));
    expect(console).toHaveBeenCalledWith('Report Courier: auto-archive failed (unknown): Error');
    console.mockRestore();
  });
});
