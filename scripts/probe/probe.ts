/**
 * A few harmless read-only calls with the product's own Reports client, plus deliberately wrong variants (another
 * key, a date 20 minutes old, a date 5 s ahead), recorded at the HTTP level: what Amazon really answers, as facts
 * with every secret and merchant value masked.
 */
import type { Account } from '../../utils/accounts/types';
import { createReportsClient } from '../../utils/amazon-pay/client';
import { createClockSkewStore } from '../../utils/amazon-pay/clock-skew';
import { maskedHead, messageShape } from './mask';

const SETTLEMENT = '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_';
const HEADERS = ['content-type', 'date', 'retry-after', 'x-amz-pay-request-id', 'content-disposition', 'server'];

export interface Exchange {
  call: string;
  status: number | null;
  reasonCode?: string;
  messageShape?: string;
  /** The headers that matter; request ids only as "present". */
  headers: Record<string, string>;
  error?: string;
}

export interface ProbeFacts {
  region: string;
  keyIdPrefix: string;
  exchanges: Exchange[];
  document?: {
    origin: string;
    pathShape: string;
    queryParameters: string[];
    expires?: string;
    compressionAlgorithm?: string;
    head?: ReturnType<typeof maskedHead>;
  };
}

export interface ProbeOptions {
  key: CryptoKey;
  otherKey: CryptoKey;
  publicKeyId: string;
  region: 'na' | 'eu' | 'jp';
  fetch: typeof fetch;
}

function headerFacts(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of HEADERS) {
    const value = headers.get(name);
    if (value !== null) out[name] = name === 'x-amz-pay-request-id' || name === 'date' ? 'present' : value;
  }
  return out;
}

async function exchangeOf(call: string, response: Response): Promise<Exchange> {
  const text = await response.text();
  let body: { reasonCode?: unknown; message?: unknown } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    // Not JSON: an S3 or proxy answer; its shape is in the headers.
  }
  return {
    call,
    status: response.status,
    headers: headerFacts(response.headers),
    ...(typeof body.reasonCode === 'string' ? { reasonCode: body.reasonCode } : {}),
    ...(typeof body.message === 'string' ? { messageShape: messageShape(body.message) } : {}),
  };
}

export async function runProbe(o: ProbeOptions): Promise<ProbeFacts> {
  const exchanges: Exchange[] = [];
  const account: Account = {
    id: 'probe',
    label: 'probe',
    region: o.region,
    environment: /^SANDBOX/i.test(o.publicKeyId) ? 'sandbox' : 'live',
    publicKeyId: o.publicKeyId,
    algorithm: 'AMZN-PAY-RSASSA-PSS-V2',
    createdAt: new Date(0).toISOString(),
  };
  /** A client whose every HTTP answer is recorded under `call` (retries and clock corrections included). */
  const client = (call: string, key: CryptoKey, shiftMs = 0) =>
    createReportsClient({
      account,
      loadKey: async () => key,
      skew: createClockSkewStore(),
      now: () => Date.now() + shiftMs,
      retry: { maxAttempts: 1 },
      sleep: async () => undefined,
      fetch: async (input, init) => {
        const response = await o.fetch(input, init);
        exchanges.push(await exchangeOf(call, response.clone()));
        return response;
      },
    });
  const attempt = async <T>(call: string, run: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await run();
    } catch (error) {
      if (!exchanges.some((e) => e.call === call))
        exchanges.push({ call, status: null, headers: {}, error: messageShape(String((error as Error).message)) });
      return undefined;
    }
  };

  const facts: ProbeFacts = {
    region: o.region,
    keyIdPrefix: /^(LIVE|SANDBOX)-/i.exec(o.publicKeyId)?.[0] ?? '(legacy)',
    exchanges,
  };
  await attempt('get reports (pageSize 1)', () =>
    client('get reports (pageSize 1)', o.key).listReportsPage({ pageSize: 1 }),
  );
  const settlements = await attempt('get settlement reports', () =>
    client('get settlement reports', o.key).listReportsPage({
      reportTypes: [SETTLEMENT],
      processingStatuses: ['COMPLETED'],
      pageSize: 1,
    }),
  );
  const documentId = settlements?.reports[0]?.reportDocumentId;
  if (documentId) {
    const document = await attempt('get report document', () =>
      client('get report document', o.key).getReportDocument(documentId),
    );
    if (document) {
      const url = new URL(document.url);
      facts.document = {
        origin: url.origin,
        pathShape: url.pathname
          .replace(documentId, '<reportDocumentId>')
          .replace(encodeURIComponent(documentId), '<reportDocumentId>'),
        queryParameters: [...url.searchParams.keys()],
        expires: url.searchParams.get('X-Amz-Expires') ?? undefined,
        compressionAlgorithm: document.compressionAlgorithm,
      };
      const file = await o.fetch(document.url);
      exchanges.push({ ...(await exchangeOf('download the document', file.clone())), messageShape: undefined });
      // Decoded by hand: Response.text() would drop the byte-order mark this should report.
      if (file.ok)
        facts.document.head = maskedHead(
          new TextDecoder('utf-8', { ignoreBOM: true }).decode(await file.arrayBuffer()),
        );
    }
  }
  const now = new Date();
  await attempt('get disbursements (30 days)', () =>
    client('get disbursements (30 days)', o.key).listDisbursementsPage({
      startTime: new Date(now.getTime() - 30 * 86_400_000),
      endTime: now,
    }),
  );
  await attempt('another key', () => client('another key', o.otherKey).listReportsPage({ pageSize: 1 }));
  await attempt('date 20 minutes old', () =>
    client('date 20 minutes old', o.key, -20 * 60_000).listReportsPage({ pageSize: 1 }),
  );
  await attempt('date 5 s ahead', () => client('date 5 s ahead', o.key, 5_000).listReportsPage({ pageSize: 1 }));
  return facts;
}

/** The facts as a plain-text table. */
export function factsTable(facts: ProbeFacts): string {
  const rows = facts.exchanges.map((e) => [
    e.call,
    String(e.status ?? '—'),
    e.reasonCode ?? '',
    e.messageShape ?? e.error ?? '',
    Object.entries(e.headers)
      .map(([k, v]) => `${k}: ${v}`)
      .join('; '),
  ]);
  const header = ['call', 'status', 'reasonCode', 'message shape', 'headers'];
  const widths = header.map((h, i) => Math.min(60, Math.max(h.length, ...rows.map((r) => r[i]!.length))));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
  const out = [
    `Amazon Pay probe — region ${facts.region}, key ${facts.keyIdPrefix}…`,
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
  ];
  if (facts.document) {
    out.push(
      '',
      `document URL origin: ${facts.document.origin}`,
      `path: ${facts.document.pathShape}`,
      `query parameters: ${facts.document.queryParameters.join(', ')} (X-Amz-Expires=${facts.document.expires ?? '?'})`,
    );
    if (facts.document.head)
      out.push(
        `file: BOM ${facts.document.head.bom ? 'yes' : 'no'}, line ends ${facts.document.head.lineEnd}`,
        ...facts.document.head.lines,
      );
  }
  return out.join('\n');
}
