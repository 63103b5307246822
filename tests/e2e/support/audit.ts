import path from 'node:path';
import type { RunningEmulator } from '../../emulator/index';
import type { JobRow, ReportRow } from './driver';
import { filesUnder, sha256 } from './stack';

export interface ArchiveAudit {
  /** Reports without a file. */
  lost: string[];
  /** Reports with more than one file (e.g. a `name (1).csv` next to `name.csv`), with their files. */
  duplicates: string[];
  /** Files whose SHA-256 differs from the emulator's document. */
  mismatched: string[];
  /** Files that belong to no report asked for. */
  strays: string[];
}

export type AuditedReport = Pick<ReportRow, 'reportId' | 'reportDocumentId'>;

export interface AuditOptions {
  /** The batch's jobs: a done job's `filename` names its report's file, whatever the report id did to the name. */
  jobs?: readonly JobRow[];
  /** Reports an earlier step of the same test archived: their files are expected, and audited there. */
  earlier?: readonly AuditedReport[];
}

/** Which report a downloaded file belongs to: the scheme ends `_<reportId>.csv`, `uniquify` may add ` (n)`. */
function reportIdOf(file: string): string | undefined {
  return /_([^_/\\]+?)(?: \(\d+\))?\.csv$/.exec(file)?.[1];
}

/** `name (2).csv` → `name.csv`: Chromium's `uniquify` twin of a file that already existed. */
const withoutTwinSuffix = (file: string) => file.replace(/ \(\d+\)(\.[^./\\]+)$/, '$1');

/**
 * Compares the whole download folder with the emulator's documents: every report of `reports` exactly once, byte
 * for byte, whatever its job's state, and no file that belongs to no report asked for.
 */
export function auditArchive(
  downloadDir: string,
  emulator: RunningEmulator,
  reports: readonly AuditedReport[],
  options: AuditOptions = {},
): ArchiveAudit {
  const byReport = new Map<string, string[]>();
  const strays: string[] = [];
  const wanted = new Set(reports.map((r) => r.reportId));
  const earlier = new Set((options.earlier ?? []).map((r) => r.reportId));
  const byJobFile = new Map(
    (options.jobs ?? []).filter((j) => j.filename).map((j) => [path.relative(downloadDir, j.filename!), j.reportId]),
  );
  for (const file of filesUnder(downloadDir)) {
    const id = byJobFile.get(file) ?? byJobFile.get(withoutTwinSuffix(file)) ?? reportIdOf(file);
    if (id !== undefined && earlier.has(id) && !wanted.has(id)) continue;
    if (id === undefined || !wanted.has(id)) strays.push(file);
    else byReport.set(id, [...(byReport.get(id) ?? []), file]);
  }
  const audit: ArchiveAudit = { lost: [], duplicates: [], mismatched: [], strays };
  for (const report of reports) {
    const files = byReport.get(report.reportId) ?? [];
    if (files.length === 0) audit.lost.push(report.reportId);
    if (files.length > 1) audit.duplicates.push(`${report.reportId}: ${files.join(' | ')}`);
    const expected = emulator.admin.document(report.reportDocumentId!)?.sha256;
    if (files.some((f) => sha256(path.join(downloadDir, f)) !== expected)) audit.mismatched.push(report.reportId);
  }
  return audit;
}

/** Get Report Document calls beyond the first for each of these reports: the retries faults or kills cost. */
export function documentRetries(emulator: RunningEmulator, reports: readonly AuditedReport[]): number {
  const calls = new Map<string, number>();
  for (const entry of emulator.admin.requests()) {
    if (entry.route !== 'getReportDocument') continue;
    const id = decodeURIComponent(entry.path.split('/').pop() ?? '');
    calls.set(id, (calls.get(id) ?? 0) + 1);
  }
  return reports.reduce((sum, r) => sum + Math.max(0, (calls.get(r.reportDocumentId!) ?? 0) - 1), 0);
}

export interface DrillSummary {
  drill: string;
  reports: number;
  lost: number;
  duplicates: number;
  mismatched: number;
  strays: number;
  retries: number;
  [extra: string]: unknown;
}

/** One JSON line per drill, so runs can be compared and grepped. */
export function printSummary(summary: DrillSummary): void {
  console.log(JSON.stringify(summary));
}

/** The summary line's counts, each computed from the audit and the emulator's log, never written in. */
export function summarise(
  drill: string,
  reports: number,
  audit: ArchiveAudit,
  retries: number,
  extra: Record<string, unknown> = {},
): DrillSummary {
  return {
    drill,
    reports,
    lost: audit.lost.length,
    duplicates: audit.duplicates.length,
    mismatched: audit.mismatched.length,
    strays: audit.strays.length,
    retries,
    ...extra,
  };
}

/** How the jobs that did not end `done` ended: `state:code` → count. */
export function outcomes(jobs: readonly JobRow[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const job of jobs) {
    if (job.state === 'done') continue;
    const key = `${job.state}:${job.error?.code ?? '-'}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
