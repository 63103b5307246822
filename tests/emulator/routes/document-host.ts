/**
 * The S3-like document host: serves report files behind pre-signed URLs, with S3's XML errors, and applies the
 * document faults (slow bodies, truncated connections). Expiry is checked when the request arrives, so a download
 * that started in time finishes even after the URL has expired.
 */
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { preciseNow, sleep } from '../http';
import { checkPresigned } from '../presign';
import type { RequestContext } from '../request-context';
import type { DownloadRecord } from '../stats';
import type { EmulatorState } from '../state';

function s3Error(
  ctx: RequestContext,
  status: number,
  code: string,
  message: string,
  extra: Record<string, string> = {},
): void {
  const { res } = ctx;
  ctx.reasonCode = code;
  const fields = {
    Code: code,
    Message: message,
    ...extra,
    RequestId: randomBytes(8).toString('hex').toUpperCase(),
    HostId: randomBytes(32).toString('base64'),
  };
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Error>${Object.entries(fields)
    .map(([k, v]) => `<${k}>${v}</${k}>`)
    .join('')}</Error>`;
  res.writeHead(status, {
    'Content-Type': 'application/xml',
    'Content-Length': Buffer.byteLength(xml),
    Server: 'AmazonS3',
  });
  res.end(xml);
}

async function writeBody(
  res: ServerResponse,
  body: Buffer,
  rec: DownloadRecord,
  bytesPerSecond: number | null,
  cutAfter: number | null,
): Promise<void> {
  const limit = cutAfter === null ? body.length : Math.min(cutAfter, body.length);
  const chunk = bytesPerSecond ? Math.max(1, Math.floor(bytesPerSecond / 20)) : 64 * 1024;
  let sent = 0;
  while (sent < limit && !res.destroyed) {
    const piece = body.subarray(sent, Math.min(limit, sent + chunk));
    if (!res.write(piece)) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          res.off('drain', done).off('close', done);
          resolve();
        };
        res.on('drain', done).on('close', done);
      });
    }
    sent += piece.length;
    rec.bytesServed = sent;
    if (bytesPerSecond && sent < limit) await sleep((piece.length / bytesPerSecond) * 1000);
  }
  if (limit < body.length || res.destroyed) {
    res.destroy();
    return;
  }
  res.end();
  rec.finishedAt = preciseNow();
  rec.completed = true;
}

export async function serveDocument(ctx: RequestContext, state: EmulatorState): Promise<void> {
  const { res } = ctx;
  ctx.route = 'document';
  state.stats.countRequest('document');
  await sleep(state.faults.latencyFor('document'));
  if (ctx.method !== 'GET' && ctx.method !== 'HEAD')
    return s3Error(ctx, 405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
  if (ctx.req.headers.authorization) {
    return s3Error(
      ctx,
      400,
      'InvalidArgument',
      'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified',
    );
  }
  const now = state.now();
  const check = checkPresigned(state.secret, ctx.host, ctx.rawPath, ctx.rawQuery, now);
  if (!check.ok) {
    if (check.signature) state.stats.downloadStarted(check.signature, ctx.arrivedAt, 403);
    const extra: Record<string, string> =
      check.expiresAt === undefined
        ? {}
        : {
            'X-Amz-Expires': String(check.expires),
            Expires: new Date(check.expiresAt).toISOString(),
            ServerTime: new Date(now).toISOString(),
          };
    return s3Error(ctx, check.code === 'NoSuchKey' ? 404 : 403, check.code, check.message, extra);
  }
  const found = state.findDocument(check.documentId);
  if (!found) return s3Error(ctx, 404, 'NoSuchKey', 'The specified key does not exist.');
  const body = state.documents.content(found.store, found.report);
  const info = state.documents.info(found.store, found.report);
  const rec = state.stats.downloadStarted(check.signature, ctx.arrivedAt, 200);
  res.on('close', () => {
    rec.finishedAt ??= preciseNow();
  });
  res.writeHead(200, {
    'Content-Type': 'application/octet-stream',
    'Content-Length': body.length,
    // Header values allow no controls; quotes and backslashes would end or escape the quoted name.
    'Content-Disposition': `attachment; filename="${found.report.reportId.replace(/[^\x20-\x7e]|["\\]/g, '_')}.csv"`,
    ETag: `"${info.md5}"`,
    'Last-Modified': new Date(found.report.processingEndTime).toUTCString(),
    'x-amz-request-id': randomBytes(8).toString('hex').toUpperCase(),
    Server: 'AmazonS3',
  });
  if (ctx.method === 'HEAD') {
    res.end();
    return;
  }
  await writeBody(res, body, rec, state.faults.config.documentBytesPerSecond, state.faults.takeTruncation());
}
