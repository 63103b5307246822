import { describe, expect, it } from 'vitest';
import {
  backoffMs,
  classifyFetchError,
  classifyInterrupt,
  FOLDER_REFUSED,
  interruptReason,
} from '@/utils/downloads/interrupts';

describe('classifyInterrupt', () => {
  it.each([
    ['SERVER_FORBIDDEN', { action: 'retry', backoff: false }],
    ['SERVER_UNAUTHORIZED', { action: 'retry', backoff: false }],
    ['NETWORK_FAILED', { action: 'retry', backoff: true }],
    ['NETWORK_TIMEOUT', { action: 'retry', backoff: true }],
    ['SERVER_FAILED', { action: 'retry', backoff: true }],
    ['USER_SHUTDOWN', { action: 'retry', backoff: true }],
    ['SOMETHING_NEW', { action: 'retry', backoff: true }],
    ['USER_CANCELED', { action: 'cancel' }],
  ])('%s → %o', (reason, decision) => {
    expect(classifyInterrupt(reason)).toEqual(decision);
  });

  it.each([
    ['FILE_NO_SPACE', /disk is full.*Retry failed/],
    ['FILE_ACCESS_DENIED', /^Cannot write to the download folder.*Retry failed/],
    [FOLDER_REFUSED, /^Cannot write to the download folder.*Retry failed/],
    ['FILE_NAME_TOO_LONG', /path is too long.*Retry failed/],
    ['FILE_TOO_LARGE', /too large.*Retry failed/],
  ])('%s fails the job and stops the batch', (reason, message) => {
    const decision = classifyInterrupt(reason);
    expect(decision).toMatchObject({ action: 'fail', stopBatch: true, error: { code: reason } });
    expect(decision.action === 'fail' && decision.error.userMessage).toMatch(message);
  });

  it.each(['FILE_VIRUS_INFECTED', 'FILE_BLOCKED', 'FILE_SECURITY_CHECK_FAILED'])('%s fails the job only', (reason) => {
    expect(classifyInterrupt(reason)).toMatchObject({ action: 'fail', stopBatch: false, error: { code: reason } });
  });
});

describe('interruptReason', () => {
  it.each([
    [
      'a cancel before the download had a path: the folder refused it',
      { error: 'USER_CANCELED', filename: '' },
      FOLDER_REFUSED,
    ],
    [
      'a cancel of a started download',
      { error: 'USER_CANCELED', filename: '/home/m/Downloads/AmazonPay/x.csv' },
      'USER_CANCELED',
    ],
    ['another reason without a path', { error: 'NETWORK_FAILED', filename: '' }, 'NETWORK_FAILED'],
    ['no reason at all', { filename: '/d/x.csv' }, 'UNKNOWN'],
  ])('%s', (_case, item, reason) => {
    expect(interruptReason(item)).toBe(reason);
  });
});

describe('classifyFetchError', () => {
  const typed = (fields: object) => Object.assign(new Error('x'), fields);

  it.each([
    [
      '429 in details',
      typed({ code: 'rate-limited', userMessage: 'Busy', details: { status: 429, reasonCode: 'TooManyRequests' } }),
      true,
      'rate-limited',
    ],
    ['503 status', typed({ status: 503, userMessage: 'Down' }), true, 'amazon-error'],
    ['network', typed({ code: 'network', userMessage: 'Offline' }), true, 'network'],
    ['retryable flag', typed({ retryable: true, code: 'x' }), true, 'unknown'],
    [
      '400',
      typed({
        code: 'invalid-request',
        userMessage: 'Bad',
        details: { status: 400, reasonCode: 'InvalidParameterValue' },
      }),
      false,
      'invalid-request',
    ],
    ['401', typed({ code: 'unauthorized', status: 401 }), false, 'unauthorized'],
    ['explicitly final 500', typed({ status: 500, retryable: false }), false, 'amazon-error'],
    ['plain error from around the request (storage, a stopping worker)', new Error('No SW'), true, 'unknown'],
    ['a string', 'boom', true, 'unknown'],
    [
      'a DOMException from IndexedDB',
      new DOMException('The database connection is closing.', 'InvalidStateError'),
      true,
      'unknown',
    ],
    [
      'a typed error without status or code',
      typed({ userMessage: 'This account no longer exists.' }),
      false,
      'unknown',
    ],
  ])('%s', (_case, thrown, retryable, code) => {
    expect(classifyFetchError(thrown)).toMatchObject({ retryable, error: { code } });
  });

  it("keeps Amazon's reasonCode and status for the wording, and nothing else of the error", () => {
    const thrown = typed({
      code: 'invalid-request',
      userMessage: 'Bad',
      details: { status: 400, reasonCode: 'InvalidParameterValue', amazonMessage: 'https://x.example/?sig=5ecre7' },
    });
    expect(classifyFetchError(thrown).error).toEqual({
      code: 'invalid-request',
      userMessage: 'Bad',
      details: { status: 400, reasonCode: 'InvalidParameterValue' },
    });
  });

  it('keeps the client’s user message, and has one of its own otherwise', () => {
    expect(classifyFetchError(typed({ userMessage: 'Amazon says no.' })).error.userMessage).toBe('Amazon says no.');
    expect(classifyFetchError(new Error('internal detail')).error.userMessage).toBe(
      'Amazon Pay did not hand out this report file.',
    );
  });
});

describe('backoffMs', () => {
  it.each([
    [1, 5_000],
    [2, 20_000],
    [3, 80_000],
    [9, 600_000],
  ])('attempt %i waits %i ms', (attempt, ms) => {
    expect(backoffMs(attempt)).toBe(ms);
  });
});
