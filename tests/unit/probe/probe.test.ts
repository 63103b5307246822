/** The probe against the emulator: the facts it reports, and nothing secret in what it writes. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '@/tests/emulator';
import { demoKey, liveAccount, otherKey } from '@/tests/unit/client/emulator-setup';
import { factsTable, runProbe, type ProbeFacts } from '@/scripts/probe/probe';
import { redirectingFetch } from '@/scripts/probe/redirect-fetch';

let emu: RunningEmulator;
let facts: ProbeFacts;

beforeAll(async () => {
  emu = await startEmulator({ seed: 'probe' });
  facts = await runProbe({
    key: await demoKey(),
    otherKey: await otherKey(),
    publicKeyId: liveAccount.publicKeyId,
    region: 'na',
    fetch: redirectingFetch(new URL(emu.url), readFileSync(emu.caCertPath, 'utf8')),
  });
});
afterAll(() => emu?.close());

const first = (call: string) => facts.exchanges.find((e) => e.call === call)!;

describe('npm run probe', () => {
  it('records the harmless calls and the wrong variants as Amazon answered them', () => {
    expect(first('get reports (pageSize 1)')).toMatchObject({
      status: 200,
      headers: { 'x-amz-pay-request-id': 'present', 'content-type': 'application/json' },
    });
    expect(first('get disbursements (30 days)').status).toBe(200);
    expect(first('another key')).toMatchObject({
      status: 403,
      reasonCode: 'InvalidRequestSignature',
      messageShape: 'Unable to verify signature, signing String [AMZN-PAY-RSASSA-PSS-V2\n<hex>] , signature [<base64>]',
    });
    expect(first('date 20 minutes old')).toMatchObject({
      status: 400,
      reasonCode: 'InvalidHeaderValue',
      messageShape: expect.stringMatching(/^The value <date> provided for x-amz-pay-date is too old/),
    });
    expect(first('date 5 s ahead')).toMatchObject({
      status: 400,
      reasonCode: 'InvalidHeaderValue',
      messageShape: 'The value <date> provided for x-amz-pay-date should not be in future',
    });
  });

  it("describes the document URL and the file's first lines with every value masked", () => {
    expect(facts.document).toMatchObject({
      origin: 'https://tortuga-prod-na.s3-external-1.amazonaws.com',
      pathShape: '/%2FNinetyDays/<reportDocumentId>',
      expires: '30',
      compressionAlgorithm: 'N/A',
      queryParameters: [
        'X-Amz-Algorithm',
        'X-Amz-Date',
        'X-Amz-SignedHeaders',
        'X-Amz-Expires',
        'X-Amz-Credential',
        'X-Amz-Signature',
      ],
    });
    const head = facts.document!.head!;
    expect([head.bom, head.lineEnd]).toEqual([true, 'LF']);
    expect(head.lines.slice(0, 2)).toEqual(['"Amazon Payments Advanced",', '"Settlement Report",']);
    expect(head.lines[2]).toMatch(/^"SellerId","X[X9]{13}"$/);
    expect(head.lines[3]).toMatch(/^"SettlementStartDate","9999-99-99X99:99:99 -9999"$/);
    expect(head.lines[5]!.startsWith('"TransactionPostedDate","SettlementId",')).toBe(true);
    expect(head.lines[6]).toMatch(/^"9999-99-99X99:99:99 -9999","9{10}",/);
    expect(head.lines.join('\n')).not.toMatch(/[1-8]/);
  });

  it('writes nothing secret: no key id, seller id, signature or document id', () => {
    const json = JSON.stringify(facts);
    expect(json).not.toContain(liveAccount.publicKeyId.slice(5));
    expect(json).not.toMatch(/amzn1\.tortuga|X-Amz-Signature=|[A-Za-z0-9+/]{40,}/);
    expect(factsTable(facts)).toContain('another key');
  });
});
