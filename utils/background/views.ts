import type { Report } from '../amazon-pay/types';
import type { DownloadBatch, DownloadJob, HistoryEntry } from '../downloads/types';
import type { BatchView, JobView, ReportView } from '../messaging/protocol';

/** Shapes that survive JSON messaging: dates as ISO strings, and only what a view needs. */

export function toReportView(report: Report, history: Map<string, HistoryEntry>): ReportView {
  const saved = history.get(report.reportId);
  return {
    reportId: report.reportId,
    reportType: report.reportType,
    startTime: report.startTime.toISOString(),
    endTime: report.endTime.toISOString(),
    createdTime: report.createdTime.toISOString(),
    processingStatus: report.processingStatus,
    reportDocumentId: report.reportDocumentId,
    downloaded: saved && {
      filename: saved.finalPath || saved.filename,
      downloadedAt: new Date(saved.downloadedAt).toISOString(),
    },
  };
}

export function toJobView(job: DownloadJob): JobView {
  return {
    jobId: job.id,
    batchId: job.batchId,
    accountId: job.accountId,
    reportId: job.reportId,
    state: job.state,
    bytes: job.bytes,
    totalBytes: job.totalBytes,
    downloadId: job.downloadId,
    filename: job.finalPath ?? job.filename,
    error: job.error,
  };
}

export function toBatchView(batch: DownloadBatch): BatchView {
  return {
    batchId: batch.id,
    accountId: batch.accountId,
    total: batch.total,
    counts: batch.counts,
    paused: batch.paused,
    stoppedReason: batch.stopped?.userMessage,
    stoppedCode: batch.stopped?.code,
  };
}
