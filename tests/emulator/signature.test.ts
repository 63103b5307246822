/** The emulator's request checks: what every SDK style sends is accepted; each kind of tampering is refused. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './index';
import { call, seeded } from './helpers/amazon-client';
import { compactDate, testStringToSign, V1, V2 } from './helpers/test-signer';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ seed: 'signature' });
});
afterAll(() => emu.close());

const LIST: Array<[string, string]> = [
  ['pageSize', '5'],
  ['reportTypes', '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SANDBOX_SETTLEMENT_DATA_'],
];
const CREATE_BODY = JSON.stringify({
  reportType: '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SANDBOX_SETTLEMENT_DATA_',
  startTime: '20240101T000000Z',
  endTime: '20240102T000000Z',
});

async function expectRejected(promise: ReturnType<typeof call>, status: number, reasonCode: string): Promise<string> {
  const res = await promise;
  expect({ status: res.status, reasonCode: res.json().reasonCode }).toEqual({ status, reasonCode });
  return res.json().message as string;
}

describe('accepted request styles', () => {
  it('portable style: compact date, lower-case region, five signed headers', async () => {
    const res = await call(emu, { path: '/v2/reports', query: LIST });
    expect(res.status).toBe(200);
    expect(res.json().reports).toHaveLength(5);
    expect(res.headers['x-amz-pay-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('Node SDK style: extended date and a signed user-agent', async () => {
    const date = new Date(emu.admin.now()).toISOString().split('.')[0] + 'Z';
    const res = await call(emu, {
      path: '/v2/reports',
      query: LIST,
      headers: { 'x-amz-pay-date': date, 'user-agent': 'amazon-pay-api-sdk-nodejs/2.3.4 (JS/20.20.2; linux)' },
    });
    expect(res.status).toBe(200);
  });

  it('Java style: upper-case region, trailing slash, unsigned user-agent', async () => {
    const res = await call(emu, {
      path: '/v2/reports/',
      query: LIST,
      headers: { 'x-amz-pay-region': 'NA', 'user-agent': 'amazon-pay-api-sdk-java/2.6.7' },
      sign: { signedHeaders: ['accept', 'content-type', 'x-amz-pay-date', 'x-amz-pay-host', 'x-amz-pay-region'] },
    });
    expect(res.status).toBe(200);
  });

  it('legacy V1 algorithm (salt 20) and a legacy key on /live and /sandbox paths', async () => {
    const legacy = seeded('na', 'both').publicKeyId;
    expect((await call(emu, { path: '/v2/reports', sign: { algorithm: V1 } })).status).toBe(200);
    expect((await call(emu, { path: '/live/v2/reports', publicKeyId: legacy })).status).toBe(200);
    expect((await call(emu, { path: '/sandbox/v2/reports', publicKeyId: legacy })).status).toBe(200);
  });

  it('POST with a signed idempotency key', async () => {
    expect((await call(emu, { method: 'POST', path: '/v2/reports', body: CREATE_BODY })).status).toBe(201);
  });
});

describe('one changed byte is refused with InvalidRequestSignature', () => {
  const cases: Array<[string, Parameters<typeof call>[1]]> = [
    [
      'path',
      {
        path: '/v2/reports',
        query: LIST,
        mutate: (r) => {
          r.path = '/v2/reportS';
        },
      },
    ],
    [
      'query',
      {
        path: '/v2/reports',
        query: LIST,
        mutate: (r) => {
          r.query = r.query.replace('pageSize=5', 'pageSize=6');
        },
      },
    ],
    [
      'body',
      {
        method: 'POST',
        path: '/v2/reports',
        body: CREATE_BODY,
        mutate: (r) => {
          r.body = r.body.replace('20240102', '20240103');
        },
      },
    ],
    [
      'signature',
      {
        path: '/v2/reports',
        mutate: (r) => {
          r.headers.authorization = r.headers.authorization!.replace(
            /Signature=(.)/,
            (_m, c: string) => `Signature=${c === 'Q' ? 'R' : 'Q'}`,
          );
        },
      },
    ],
    [
      'accept',
      {
        path: '/v2/reports',
        mutate: (r) => {
          r.headers.accept = 'application/jsoN';
        },
      },
    ],
    [
      'content-type',
      {
        path: '/v2/reports',
        mutate: (r) => {
          r.headers['content-type'] = 'application/jsoN';
        },
      },
    ],
    [
      'x-amz-pay-date',
      {
        path: '/v2/reports',
        headers: { 'x-amz-pay-date': '20240115T123456Z' },
        mutate: (r) => {
          r.headers['x-amz-pay-date'] = compactDate(emu.admin.now() - 5000);
        },
      },
    ],
    [
      'x-amz-pay-host',
      {
        path: '/v2/reports',
        mutate: (r) => {
          r.headers['x-amz-pay-host'] = 'pay-api.amazon.coM';
        },
      },
    ],
    [
      'x-amz-pay-region',
      {
        path: '/v2/reports',
        mutate: (r) => {
          r.headers['x-amz-pay-region'] = 'nA';
        },
      },
    ],
    [
      'x-amz-pay-idempotency-key',
      {
        method: 'POST',
        path: '/v2/reports',
        body: CREATE_BODY,
        mutate: (r) => {
          r.headers['x-amz-pay-idempotency-key'] = r.headers['x-amz-pay-idempotency-key']!.replace(/.$/, (c) =>
            c === 'a' ? 'b' : 'a',
          );
        },
      },
    ],
    [
      'user-agent (optional, but signed)',
      {
        path: '/v2/reports',
        headers: { 'user-agent': 'agent/1' },
        mutate: (r) => {
          r.headers['user-agent'] = 'agent/2';
        },
      },
    ],
  ];

  it.each(cases)('%s', async (_name, options) => {
    await expectRejected(call(emu, options), 403, 'InvalidRequestSignature');
  });

  it('echoes the string to sign it computed, which matches an independent computation of the request as sent', async () => {
    const message = await expectRejected(
      call(emu, {
        path: '/v2/reports',
        query: LIST,
        mutate: (r) => {
          r.query = r.query.replace('pageSize=5', 'pageSize=6');
        },
      }),
      403,
      'InvalidRequestSignature',
    );
    const sent = /^Unable to verify signature, signing String \[([^\]]*)\] , signature \[([A-Za-z0-9+/=]+)\]$/.exec(
      message,
    );
    expect(sent).not.toBeNull();
    const [alg, hash] = sent![1]!.split('\n');
    expect(alg).toBe(V2);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("echoes the test signer's string to sign for the tampered request and the signature sent, in Amazon's words", async () => {
    let expected = '';
    let signature = '';
    const message = await expectRejected(
      call(emu, {
        path: '/v2/reports',
        query: LIST,
        mutate: (r) => {
          r.query = r.query.replace('pageSize=5', 'pageSize=7');
          const { authorization, ...headers } = r.headers;
          signature = /Signature=([^,\s]+)$/.exec(authorization!)![1]!;
          expected = testStringToSign(
            { ...r, headers },
            ['accept', 'content-type', 'x-amz-pay-date', 'x-amz-pay-host', 'x-amz-pay-region'],
            V2,
          );
        },
      }),
      403,
      'InvalidRequestSignature',
    );
    expect(signature).toMatch(/^[A-Za-z0-9+/]{342}==$/);
    expect(message).toBe(`Unable to verify signature, signing String [${expected}] , signature [${signature}]`);
  });

  it.each([
    ['V2 name with salt 20', V2, 20],
    ['V1 name with salt 32', V1, 32],
  ] as const)('wrong salt length: %s', async (_n, algorithm, saltLength) => {
    await expectRejected(
      call(emu, { path: '/v2/reports', sign: { algorithm, saltLength } }),
      403,
      'InvalidRequestSignature',
    );
  });
});

describe('header and key checks', () => {
  it.each(['accept', 'content-type', 'x-amz-pay-date', 'x-amz-pay-host', 'x-amz-pay-region'])(
    'mandatory %s left out of SignedHeaders → 400 MissingHeader',
    async (name) => {
      const signedHeaders = ['accept', 'content-type', 'x-amz-pay-date', 'x-amz-pay-host', 'x-amz-pay-region'].filter(
        (h) => h !== name,
      );
      await expectRejected(call(emu, { path: '/v2/reports', sign: { signedHeaders } }), 400, 'MissingHeader');
    },
  );

  it('POST without an idempotency key → 400 MissingHeader', async () => {
    await expectRejected(
      call(emu, {
        method: 'POST',
        path: '/v2/reports',
        body: CREATE_BODY,
        headers: { 'x-amz-pay-idempotency-key': undefined },
      }),
      400,
      'MissingHeader',
    );
  });

  it('no authorization header → 400 MissingHeader', async () => {
    await expectRejected(
      call(emu, {
        path: '/v2/reports',
        mutate: (r) => {
          delete r.headers.authorization;
        },
      }),
      400,
      'MissingHeader',
    );
  });

  it("a date in the future → 400 InvalidHeaderValue with Amazon's wording", async () => {
    const date = compactDate(emu.admin.now() + 60_000);
    const message = await expectRejected(
      call(emu, { path: '/v2/reports', headers: { 'x-amz-pay-date': date } }),
      400,
      'InvalidHeaderValue',
    );
    expect(message).toBe(`The value ${date} provided for x-amz-pay-date should not be in future`);
  });

  it('a stale date (16 minutes old) → 400 InvalidHeaderValue; 14 minutes is still fine', async () => {
    await expectRejected(
      call(emu, { path: '/v2/reports', headers: { 'x-amz-pay-date': compactDate(emu.admin.now() - 16 * 60_000) } }),
      400,
      'InvalidHeaderValue',
    );
    expect(
      (
        await call(emu, {
          path: '/v2/reports',
          headers: { 'x-amz-pay-date': compactDate(emu.admin.now() - 14 * 60_000) },
        })
      ).status,
    ).toBe(200);
  });

  it('an unparseable date → 400 InvalidHeaderValue', async () => {
    await expectRejected(
      call(emu, { path: '/v2/reports', headers: { 'x-amz-pay-date': '2024-01-15 12:34:56' } }),
      400,
      'InvalidHeaderValue',
    );
  });

  it('an unknown key id → 401 UnauthorizedAccess', async () => {
    await expectRejected(
      call(emu, { path: '/v2/reports', publicKeyId: 'SANDBOX-AUNKNOWNKEY0000000000000' }),
      401,
      'UnauthorizedAccess',
    );
  });

  it('x-amz-pay-host naming another host than the Host header → 400 InvalidHeaderValue', async () => {
    await expectRejected(
      call(emu, { path: '/v2/reports', headers: { 'x-amz-pay-host': 'pay-api.amazon.eu' } }),
      400,
      'InvalidHeaderValue',
    );
  });

  it('a region that does not match the host → 400 InvalidHeaderValue', async () => {
    await expectRejected(
      call(emu, { path: '/v2/reports', headers: { 'x-amz-pay-region': 'eu' } }),
      400,
      'InvalidHeaderValue',
    );
  });

  it('a legacy key on /v2, or an environment key on /live/v2 → 400 InvalidRequest', async () => {
    await expectRejected(
      call(emu, { path: '/v2/reports', publicKeyId: seeded('na', 'both').publicKeyId }),
      400,
      'InvalidRequest',
    );
    await expectRejected(call(emu, { path: '/sandbox/v2/reports' }), 400, 'InvalidRequest');
  });

  it('a LIVE key reads live data, including settlement reports', async () => {
    const res = await call(emu, { path: '/v2/reports', publicKeyId: seeded('na', 'live').publicKeyId });
    expect(res.status).toBe(200);
    expect(
      res
        .json()
        .reports.some(
          (r: { reportType: string }) => r.reportType === '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_',
        ),
    ).toBe(true);
  });

  it('an unsupported API version → 400 InvalidAPIVersion', async () => {
    await expectRejected(call(emu, { path: '/v1/reports' }), 400, 'InvalidAPIVersion');
  });

  it('counts rejections by reasonCode in the stats', () => {
    const stats = emu.admin.stats();
    expect(stats.rejections.byReasonCode.InvalidRequestSignature).toBeGreaterThanOrEqual(13);
    expect(stats.rejections.byReasonCode.MissingHeader).toBeGreaterThanOrEqual(7);
  });
});
