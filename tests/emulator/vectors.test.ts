/**
 * Replays every signing vector of tests/fixtures/vectors (official Node SDK and portable/browser style) against the emulator: accepted as
 * sent, refused when any one signed byte changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './index';
import { adminCall, send, type Received } from './helpers/http-client';
import { loadVectors, vectorPublicKeyPem, type Vector } from './helpers/vectors';

const vectors = loadVectors();
const AUTH_FAILURES = [
  'InvalidRequestSignature',
  'UnauthorizedAccess',
  'MissingHeader',
  'InvalidHeaderValue',
  'InvalidRequest',
];

/** What the operation itself answers once the signature is accepted (ids in the vectors are placeholders). */
const EXPECTED: Record<string, [number, string | null]> = {
  'sdk-get-reports.json': [200, null],
  'sdk-get-reports-v1-algorithm.json': [200, null],
  'sdk-get-reports-eu-legacy-key.json': [200, null],
  'sdk-get-reports-next-token-jp.json': [400, 'InvalidParameterValue'],
  'sdk-get-report-by-id.json': [404, 'ResourceNotFound'],
  'sdk-get-report-document.json': [404, 'ResourceNotFound'],
  'sdk-create-report.json': [201, null],
  'sdk-get-report-schedules.json': [200, null],
  'sdk-cancel-report-schedule.json': [404, 'ResourceNotFound'],
  'portable-get-reports.json': [200, null],
  'portable-get-report-document.json': [404, 'ResourceNotFound'],
  'portable-create-report.json': [201, null],
};

let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator({ seed: 'vectors' });
  const pem = vectorPublicKeyPem();
  const registered = new Set<string>();
  for (const v of vectors) {
    if (registered.has(v.config.publicKeyId)) continue;
    registered.add(v.config.publicKeyId);
    const res = await adminCall(emu, 'POST', '/merchants', {
      publicKeyId: v.config.publicKeyId,
      publicKeyPem: pem,
      region: v.headersSent['x-amz-pay-region'],
      ...(v.request.path.startsWith('/sandbox/') ? { environment: 'sandbox' } : {}),
    });
    expect(res.status).toBe(201);
  }
  const offset = (Date.parse(vectors[0]!.fixedClock) - Date.now()) / 1000 + 1;
  expect((await adminCall(emu, 'POST', '/faults', { clockOffsetSeconds: offset })).status).toBe(200);
});

afterAll(() => emu.close());

interface Replay {
  path: string;
  query: string;
  headers: Record<string, string>;
  body: string | null;
}

function replay(v: Vector, change: (r: Replay) => void = () => {}): Promise<Received> {
  const r: Replay = {
    path: v.request.path,
    query: v.request.rawQuery,
    headers: { ...v.headersSent },
    body: v.request.body,
  };
  change(r);
  return send(emu, {
    method: v.request.method,
    target: r.query ? `${r.path}?${r.query}` : r.path,
    host: v.headersSent['x-amz-pay-host']!,
    headers: r.headers,
    body: r.body ?? undefined,
  });
}

/** Flips the case of the first letter, or for digits-only text lowers the last digit. */
function oneByte(text: string, from = 0): string {
  const i = text.slice(from).search(/[A-Za-z]/) + from;
  if (i >= from) {
    const c = text[i]!;
    return text.slice(0, i) + (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()) + text.slice(i + 1);
  }
  return text.replace(/\d(?=\D*$)/, (d) => String((Number(d) + 9) % 10));
}

/** Lowers the seconds of a date by one (both date forms end in the seconds digits). */
function earlierSecond(date: string): string {
  const seconds = Number(/(\d{2})Z$/.exec(date)![1]);
  return date.replace(/\d{2}Z$/, `${String((seconds + 59) % 60).padStart(2, '0')}Z`);
}

function expectSignatureRejected(res: Received): void {
  expect(res.status).toBe(403);
  expect(res.json().reasonCode).toBe('InvalidRequestSignature');
}

/** One single-byte change per signed part of the request: path, signature, query, body, each signed header. */
function tamperings(v: Vector): Array<[string, (r: Replay) => void]> {
  const cases: Array<[string, (r: Replay) => void]> = [
    [
      'the path',
      (r) => {
        r.path = oneByte(r.path, r.path.lastIndexOf('/'));
      },
    ],
    [
      'the signature',
      (r) => {
        r.headers.authorization = r.headers.authorization!.replace(
          /(Signature=.{40})(.)/,
          (_m, head: string, c: string) => head + (c === 'A' ? 'B' : 'A'),
        );
      },
    ],
  ];
  if (v.request.rawQuery)
    cases.push([
      'the query',
      (r) => {
        r.query = oneByte(r.query, r.query.indexOf('=') + 1);
      },
    ]);
  if (v.request.body)
    cases.push([
      'the body',
      (r) => {
        r.body = r.body!.replace('2024', '2023');
      },
    ]);
  for (const name of v.signedHeaders.split(';')) {
    cases.push([
      `header ${name}`,
      (r) => {
        const value = r.headers[name]!;
        r.headers[name] = name === 'x-amz-pay-date' ? earlierSecond(value) : oneByte(value);
      },
    ]);
  }
  return cases;
}

describe.each(vectors.map((v) => [v.file, v] as const))('vector %s', (file, v) => {
  it('is accepted exactly as sent', async () => {
    const res = await replay(v);
    const body = res.json();
    expect(AUTH_FAILURES).not.toContain(body.reasonCode);
    expect([res.status, body.reasonCode ?? null]).toEqual(EXPECTED[file]);
  });

  it.each(tamperings(v))('is refused when one byte of %s changes', async (_what, change) => {
    expectSignatureRejected(await replay(v, change));
  });
});
