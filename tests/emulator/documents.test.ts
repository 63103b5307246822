/** Pre-signed document URLs: realistic files, byte-exact downloads, S3-style refusals and a real expiry. */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_HOST, startEmulator, type RunningEmulator } from './index';
import { call, seeded } from './helpers/amazon-client';
import { adminCall, download } from './helpers/http-client';
import { SETTLEMENT_COLUMNS } from './settlement-file';

const LIVE = seeded('na', 'live').publicKeyId;
let emu: RunningEmulator;
let completed: Array<Record<string, string>>;

beforeAll(async () => {
  emu = await startEmulator({ seed: 'documents' });
  completed = emu.admin.reports(LIVE).filter((r) => r.processingStatus === 'COMPLETED');
});
afterAll(() => emu.close());

async function documentUrl(reportDocumentId: string): Promise<string> {
  const res = await call(emu, { publicKeyId: LIVE, path: `/v2/report-documents/${reportDocumentId}` });
  expect(res.status).toBe(200);
  return res.json().url as string;
}

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
const settlements = () => completed.filter((r) => r.reportType === '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_');

describe('document URLs and files', () => {
  it('issues a URL outside the API on request, recorded like the API’s, downloading the same bytes', async () => {
    const doc = settlements()[6]!;
    const before = emu.admin.stats().documents[doc.reportDocumentId!]?.urls.length ?? 0;
    const res = await adminCall(emu, 'POST', `/documents/${encodeURIComponent(doc.reportDocumentId!)}/url`);
    expect(res.status).toBe(200);
    const file = await download(emu, res.json().url as string);
    expect(file.status).toBe(200);
    expect(sha256(file.body)).toBe(emu.admin.document(doc.reportDocumentId!)!.sha256);
    const urls = emu.admin.stats().documents[doc.reportDocumentId!]!.urls;
    expect(urls).toHaveLength(before + 1);
    expect(urls.at(-1)!.downloads[0]!.requestedAt).toBeGreaterThanOrEqual(urls.at(-1)!.issuedAt);
    expect((await adminCall(emu, 'POST', '/documents/amzn1.tortuga.3.unknown/url')).status).toBe(404);
  });

  it('tells URL watchers of each issued URL before its answer leaves, until they unsubscribe', async () => {
    const doc = settlements()[5]!.reportDocumentId!;
    const seen: Array<[string, number]> = [];
    const stop = emu.admin.watchUrls((id) => void seen.push([id, emu.admin.stats().documents[id]?.urls.length ?? 0]));
    const before = emu.admin.stats().documents[doc]?.urls.length ?? 0;
    const pending = documentUrl(doc);
    await pending;
    stop();
    await documentUrl(doc);
    expect(seen).toEqual([[doc, before + 1]]);
  });

  it("holds the answer while a watcher's promise is pending", async () => {
    let release: () => void = () => undefined;
    const stop = emu.admin.watchUrls(() => new Promise<void>((resolve) => (release = resolve)));
    let answered = false;
    const pending = documentUrl(settlements()[6]!.reportDocumentId!).then(() => (answered = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(answered).toBe(false);
    release();
    await pending;
    stop();
    expect(answered).toBe(true);
  });

  it('returns an S3-style pre-signed URL on the document host, valid for 30 s by default', async () => {
    const url = new URL(await documentUrl(settlements()[0]!.reportDocumentId!));
    expect(url.host).toBe(DOCUMENT_HOST);
    expect(url.protocol).toBe('https:');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Expires': '30',
      'X-Amz-SignedHeaders': 'host',
      'X-Amz-Date': expect.stringMatching(/^\d{8}T\d{6}Z$/),
      'X-Amz-Signature': expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it.each([
    ['na', 'tortuga-prod-na.s3-external-1.amazonaws.com', 'us-east-1'],
    ['eu', 'tortuga-prod-eu.s3-eu-west-1.amazonaws.com', 'eu-west-1'],
    ['jp', 'tortuga-prod-fe.s3-us-west-2.amazonaws.com', 'us-west-2'],
  ] as const)(
    "%s: URL on the region's S3-style host, /%%2FNinetyDays/ path, S3's query order, X-Amz-Expires=30",
    async (region, host, awsRegion) => {
      const merchant = seeded(region, 'live').publicKeyId;
      const doc = emu.admin.reports(merchant).find((r) => r.processingStatus === 'COMPLETED')!.reportDocumentId!;
      const res = await call(emu, { publicKeyId: merchant, region, path: `/v2/report-documents/${doc}` });
      const url = new URL(res.json().url);
      expect([url.protocol, url.host, url.pathname]).toEqual(['https:', host, `/%2FNinetyDays/${doc}`]);
      expect([...url.searchParams.keys()]).toEqual([
        'X-Amz-Algorithm',
        'X-Amz-Date',
        'X-Amz-SignedHeaders',
        'X-Amz-Expires',
        'X-Amz-Credential',
        'X-Amz-Signature',
      ]);
      expect(url.searchParams.get('X-Amz-Expires')).toBe('30');
      expect(url.searchParams.get('X-Amz-Credential')).toMatch(
        new RegExp(`^AKIA[A-Z]+/\\d{8}/${awsRegion}/s3/aws4_request$`),
      );
      const file = await download(emu, url.href);
      expect([file.status, sha256(file.body)]).toEqual([200, emu.admin.document(doc)!.sha256]);
    },
  );

  it('serves the file byte for byte as the admin API describes it, without Amazon Pay headers', async () => {
    const report = settlements()[1]!;
    const res = await download(emu, await documentUrl(report.reportDocumentId!));
    const info = emu.admin.document(report.reportDocumentId!)!;
    expect(res.status).toBe(200);
    expect(info.reportId).toBe(report.reportId);
    expect([res.body.length, sha256(res.body)]).toEqual([info.size, info.sha256]);
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect(res.headers['content-length']).toBe(String(info.size));
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${report.reportId}.csv"`);
    expect(res.headers['x-amz-pay-request-id']).toBeUndefined();
  });

  it('settlement files in the real layout: BOM, two title lines, "Key","Value" lines, the column line, Pacific time', async () => {
    const res = await download(emu, await documentUrl(settlements()[2]!.reportDocumentId!));
    expect([...res.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\n');
    expect(lines.slice(0, 2)).toEqual(['"Amazon Payments Advanced",', '"Settlement Report",']);
    expect(lines[2]).toMatch(/^"SellerId","A[A-Z0-9]{13}"$/);
    expect(lines[3]).toMatch(/^"SettlementStartDate","\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d -0[78]00"$/);
    expect(lines[4]).toMatch(/^"SettlementEndDate","\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d -0[78]00"$/);
    expect(lines[5]).toBe(`${SETTLEMENT_COLUMNS.map((c) => `"${c}"`).join(',')},`);
    for (const line of lines.slice(6)) expect(line).toMatch(/^"[^"]*"(,"[^"]*"){14}$/);
    expect(lines.filter((l) => l.includes('"Transfer"'))).toHaveLength(1);
  });

  it('has file sizes from about 1 KB to several MB', () => {
    const sizes = settlements().map((r) => emu.admin.document(r.reportDocumentId!)!.size);
    expect(Math.min(...sizes)).toBeLessThan(2_000);
    expect(Math.max(...sizes)).toBeGreaterThan(2_000_000);
  });

  it('refuses a tampered URL with SignatureDoesNotMatch and an Authorization header with InvalidArgument', async () => {
    const url = await documentUrl(settlements()[3]!.reportDocumentId!);
    const longer = await download(emu, url.replace('X-Amz-Expires=30', 'X-Amz-Expires=3000'));
    expect(longer.status).toBe(403);
    expect(longer.headers['content-type']).toBe('application/xml');
    expect(longer.text).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<Error><Code>SignatureDoesNotMatch<\/Code>/,
    );
    const otherDoc = await download(emu, url.replace(/T[A-Z0-9]{13}\?/, 'TAAAAAAAAAAAAA?'));
    expect(otherDoc.text).toContain('<Code>SignatureDoesNotMatch</Code>');
    const withAuth = await download(emu, url, { authorization: 'AMZN-PAY-RSASSA-PSS-V2 PublicKeyId=x' });
    expect([withAuth.status, /<Code>(\w+)<\/Code>/.exec(withAuth.text)?.[1]]).toEqual([400, 'InvalidArgument']);
  });

  it('cuts the connection after K bytes when told to, once', async () => {
    const report = settlements()[4]!;
    emu.admin.setFaults({ truncateDocument: { afterBytes: 10, count: 1 } });
    await expect(download(emu, await documentUrl(report.reportDocumentId!))).rejects.toThrow(
      /aborted|socket hang up|ECONNRESET/,
    );
    const whole = await download(emu, await documentUrl(report.reportDocumentId!));
    expect(sha256(whole.body)).toBe(emu.admin.document(report.reportDocumentId!)!.sha256);
    const urls = emu.admin.stats().documents[report.reportDocumentId!]!.urls;
    expect(urls.map((u) => u.downloads.map((d) => [d.status, d.completed]))).toEqual([[[200, false]], [[200, true]]]);
    expect(urls[0]!.downloads[0]!.bytesServed).toBe(10);
  });
});

describe('expiry', () => {
  it.concurrent('a URL used after its lifetime gets 403 AccessDenied "Request has expired"', async () => {
    const expiring = await startEmulator({ seed: 'documents', documentUrlTtlSeconds: 1 });
    try {
      const doc = expiring.admin.reports(LIVE).find((r) => r.processingStatus === 'COMPLETED')!;
      const res = await call(expiring, { publicKeyId: LIVE, path: `/v2/report-documents/${doc.reportDocumentId}` });
      await new Promise((r) => setTimeout(r, 2100));
      const late = await download(expiring, res.json().url);
      expect(late.status).toBe(403);
      expect(late.text).toContain(
        '<Code>AccessDenied</Code><Message>Request has expired</Message><X-Amz-Expires>1</X-Amz-Expires>',
      );
    } finally {
      await expiring.close();
    }
  });

  it.concurrent('a download that starts in time completes even though it ends after expiry', async () => {
    const slow = await startEmulator({ seed: 'documents', documentUrlTtlSeconds: 2 });
    try {
      const doc = slow.admin
        .reports(LIVE)
        .find((r) => r.processingStatus === 'COMPLETED' && slow.admin.document(r.reportDocumentId!)!.size > 3000)!;
      const info = slow.admin.document(doc.reportDocumentId!)!;
      slow.admin.setFaults({ documentBytesPerSecond: Math.ceil(info.size / 3) });
      const res = await call(slow, { publicKeyId: LIVE, path: `/v2/report-documents/${doc.reportDocumentId}` });
      const file = await download(slow, res.json().url);
      expect([file.status, sha256(file.body)]).toEqual([200, info.sha256]);
      const url = slow.admin.stats().documents[doc.reportDocumentId!]!.urls[0]!;
      const dl = url.downloads[0]!;
      expect(dl.requestedAt).toBeLessThan(url.expiresAt);
      expect(dl.finishedAt!).toBeGreaterThan(url.expiresAt);
      expect(dl.requestedAt - url.issuedAt).toBeGreaterThanOrEqual(0);
      expect(dl.completed).toBe(true);
    } finally {
      await slow.close();
    }
  });
});
