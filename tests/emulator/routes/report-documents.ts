/** Get Report Document: a pre-signed URL on the document host, valid for the configured TTL (30 s by default). */
import { hostileDocumentUrl } from '../hostile';
import { ApiError, preciseNow } from '../http';
import { presign } from '../presign';
import { statusAt } from '../reports';
import type { Operation } from './operation';

export function getReportDocument(op: Operation) {
  const found = op.state.findDocument(op.id);
  const report = found?.store === op.store ? op.store.findReport(found.report.reportId, op.now) : undefined;
  if (!report || statusAt(report, op.now) !== 'COMPLETED') {
    throw new ApiError(404, 'ResourceNotFound', `Report document ${op.id} was not found.`);
  }
  if (op.state.faults.take('notReadyNext')) return { status: 202, body: {} };
  const issued = presign(
    op.state.secret,
    op.store.merchant.region,
    op.id,
    op.now,
    op.state.faults.config.documentUrlTtlSeconds,
  );
  op.state.stats.urlIssued(op.id, issued.signature, preciseNow(), issued.expiresAt);
  const hold = op.state.announceUrl(op.id);
  const url = hostileDocumentUrl(report.reportId, issued.url) ?? issued.url;
  return {
    status: 200,
    body: { compressionAlgorithm: 'N/A', reportDocumentId: op.id, url },
    ...(hold ? { hold } : {}),
  };
}
