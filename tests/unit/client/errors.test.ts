import { describe, expect, it } from 'vitest';
import {
  AmazonPayError,
  BadResponseError,
  ClockSkewError,
  KeyMissingError,
  NetworkError,
  SignatureError,
  clockMessage,
  diffStringToSign,
  parseEchoedStringToSign,
  userMessageFor,
} from '@/utils/amazon-pay/errors';
import { ReportCourierError } from '@/utils/errors/base';

const context = { region: 'eu', environment: 'sandbox' };

describe('diffStringToSign', () => {
  it('is undefined for equal strings', () => {
    expect(diffStringToSign('ALG\nabc', 'ALG\nabc')).toBeUndefined();
  });

  it.each([
    [
      'AMZN-PAY-RSASSA-PSS\nabc',
      'AMZN-PAY-RSASSA-PSS-V2\nabc',
      { line: 1, theirs: 'AMZN-PAY-RSASSA-PSS', ours: 'AMZN-PAY-RSASSA-PSS-V2' },
    ],
    ['ALG\nabc', 'ALG\nabd', { line: 2, theirs: 'abc', ours: 'abd' }],
    ['ALG', 'ALG\nabc', { line: 2, theirs: '', ours: 'abc' }],
  ])('names the first differing line of %j vs %j', (theirs, ours, expected) => {
    expect(diffStringToSign(theirs, ours)).toEqual(expected);
  });
});

describe('parseEchoedStringToSign', () => {
  // Amazon's answer to a bad signature, as quoted in amzn/amazon-pay-api-sdk-dotnet#4 (digest and signature are cut
  // short there; full-length ones here): the echo is followed by ` , signature [<base64>]`.
  const stringToSign = 'AMZN-PAY-RSASSA-PSS-V2\nbb49552975c396f1e49d5510e1555b8b0627dc491bc61aaefdb561f202ad8020';
  const signature = Buffer.from(Array.from({ length: 256 }, (_, i) => (i * 37) % 256)).toString('base64');
  const body = JSON.stringify({
    reasonCode: 'InvalidRequestSignature',
    message: `Unable to verify signature, signing String [${stringToSign}] , signature [${signature}]`,
  });

  it("reads the string to sign out of Amazon's full message, without the echoed signature", () => {
    const { message } = JSON.parse(body) as { message: string };
    expect(message).toContain('] , signature [');
    expect(parseEchoedStringToSign(message)).toBe(stringToSign);
    expect(diffStringToSign(parseEchoedStringToSign(message)!, stringToSign)).toBeUndefined();
  });

  it('reads the same message when its newline arrives escaped (the message quoted once more, as in php#45)', () => {
    const { message } = JSON.parse(body) as { message: string };
    const escaped = message.replace('\n', '\\n');
    expect(escaped).not.toContain('\n');
    expect(parseEchoedStringToSign(escaped)).toBe(stringToSign);
  });

  it('reads a real newline and an escaped one alike', () => {
    expect(parseEchoedStringToSign('Unable to verify signature, signing String [AMZN-PAY-RSASSA-PSS-V2\nd7c7]')).toBe(
      'AMZN-PAY-RSASSA-PSS-V2\nd7c7',
    );
    expect(parseEchoedStringToSign('Unable to verify signature, signing String [AMZN-PAY-RSASSA-PSS-V2\\nd7c7]')).toBe(
      'AMZN-PAY-RSASSA-PSS-V2\nd7c7',
    );
  });

  it('is undefined when the message has no echo', () => {
    expect(parseEchoedStringToSign('Something else')).toBeUndefined();
    expect(parseEchoedStringToSign(undefined)).toBeUndefined();
  });
});

describe('userMessageFor', () => {
  it.each([
    [
      { status: 401, reasonCode: 'UnauthorizedAccess' },
      "Amazon doesn't know this Public Key ID in eu/sandbox; check the ID and region",
    ],
    [
      {
        status: 400,
        reasonCode: 'InvalidHeaderValue',
        amazonMessage: 'The value 20220125T140736Z provided for x-amz-pay-date should not be in future',
      },
      /clock/,
    ],
    [
      { status: 403, reasonCode: 'InvalidAccountStatus' },
      /^Amazon says this Amazon Pay account is not active .*Seller Central$/,
    ],
    [
      { status: 403, reasonCode: 'InvalidRequestSignature' },
      "Amazon rejected the request signature: the private key doesn't match this Public Key ID",
    ],
    [{ status: 404, reasonCode: 'ResourceNotFound' }, /90 days/],
    [{ status: 429, reasonCode: 'TooManyRequests' }, /wait a minute/],
    [{ status: 503, reasonCode: 'ServiceUnavailable' }, /try again in a few minutes/],
    [{ status: 502 }, /try again in a few minutes/],
    [
      {
        status: 400,
        reasonCode: 'InvalidParameterValue',
        amazonMessage: 'The value provided for pageSize is invalid.',
      },
      'Amazon rejected a request parameter: The value provided for pageSize is invalid.',
    ],
    [{ status: 400, reasonCode: 'DuplicateIdempotencyKey' }, /different values/],
    [
      { status: 418, reasonCode: 'Teapot', amazonMessage: 'short and stout' },
      'Amazon Pay answered 418 Teapot: short and stout',
    ],
  ])('maps %j', (details, expected) => {
    const message = userMessageFor(details, context);
    if (typeof expected === 'string') expect(message).toBe(expected);
    else expect(message).toMatch(expected);
  });
});

describe('clockMessage', () => {
  it('says which way and how far the clock is off', () => {
    expect(clockMessage(-300_400)).toMatch(/Your clock is 300 s ahead of Amazon's/);
    expect(clockMessage(12_000)).toMatch(/Your clock is 12 s behind Amazon's/);
    expect(clockMessage(undefined)).toMatch(/set the system time automatically/);
  });
});

describe('codes and serialisation', () => {
  const cases: Array<[ReportCourierError<object>, string]> = [
    [new AmazonPayError('m', 'u', { status: 401, reasonCode: 'UnauthorizedAccess', requestId: 'r1' }), 'unauthorized'],
    [new AmazonPayError('m', 'u', { status: 403, reasonCode: 'InvalidAccountStatus' }), 'account-inactive'],
    [new AmazonPayError('m', 'u', { status: 403 }), 'unauthorized'],
    [new AmazonPayError('m', 'u', { status: 404 }), 'not-found'],
    [new AmazonPayError('m', 'u', { status: 429, attempts: 5 }), 'rate-limited'],
    [new AmazonPayError('m', 'u', { status: 504 }), 'amazon-unavailable'],
    [new AmazonPayError('m', 'u', { status: 202 }), 'not-ready'],
    [new AmazonPayError('m', 'u', { status: 400, reasonCode: 'InvalidParameterValue' }), 'invalid-request'],
    [
      new SignatureError('m', 'u', {
        status: 401,
        reasonCode: 'InvalidRequestSignature',
        theirStringToSign: 'A\nb',
        ourStringToSign: 'A\nc',
        difference: { line: 2, theirs: 'b', ours: 'c' },
      }),
      'signature-mismatch',
    ],
    [new ClockSkewError('m', 'u', { status: 400, reasonCode: 'InvalidHeaderValue', skewMs: -300_000 }), 'clock-skew'],
    [new BadResponseError('m', 'u', { status: 200 }), 'bad-response'],
    [new NetworkError('m', 'u', { host: 'pay-api.amazon.com', cause: 'ECONNREFUSED' }), 'network'],
    [KeyMissingError.forAccount('acc-1'), 'key-missing'],
  ];

  it.each(cases)('%o has its code and survives JSON as its plain data', (error, code) => {
    expect(error.code).toBe(code);
    expect(error).toBeInstanceOf(ReportCourierError);
    const wire = JSON.parse(JSON.stringify(error));
    expect(Object.keys(wire).sort()).toEqual(['code', 'details', 'message', 'name', 'userMessage']);
    expect(wire).toEqual({
      name: error.name,
      code,
      message: error.message,
      userMessage: error.userMessage,
      details: error.details,
    });
  });

  it('gives KeyMissingError the settings hint', () => {
    expect(KeyMissingError.forAccount('a').userMessage).toBe(
      "Import or generate this account's private key in Settings",
    );
  });
});
