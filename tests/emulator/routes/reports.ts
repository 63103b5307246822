/** Get Reports, Get Report By Id, Create Report (amazon-pay-api.md §2.1–§2.8). */
import { DAY_MS } from '../dates';
import { ApiError } from '../http';
import { decodeToken, encodeToken, type PageQuery } from '../pagination';
import { creationRefusal, PROCESSING_STATUSES, REPORT_TYPES } from '../report-types';
import { newestFirst, reportView, statusAt, type ReportRecord } from '../reports';
import type { Operation } from './operation';
import { date, invalidParameter, jsonBody, list, required, single } from './params';

const QUERY_PARAMETERS = ['reportTypes', 'processingStatuses', 'createdSince', 'createdUntil', 'pageSize', 'nextToken'];

function firstPageQuery(op: Operation): PageQuery {
  const get = (name: string): string | undefined => single(op.params, name);
  const pageSizeText = get('pageSize');
  const pageSize = pageSizeText === undefined ? 10 : Number(pageSizeText);
  if (!/^\d+$/.test(pageSizeText ?? '10') || pageSize < 1 || pageSize > 100)
    throw invalidParameter('pageSize', pageSizeText ?? '');
  const sinceText = get('createdSince');
  const untilText = get('createdUntil');
  const since = sinceText === undefined ? op.now - 90 * DAY_MS : date(sinceText, 'createdSince');
  const until = untilText === undefined ? op.now : date(untilText, 'createdUntil');
  if (since > until) throw new ApiError(400, 'InvalidParameterValue', 'createdSince must not be after createdUntil.');
  return {
    types: list(get('reportTypes'), 'reportTypes', REPORT_TYPES),
    statuses: list(get('processingStatuses'), 'processingStatuses', PROCESSING_STATUSES),
    since,
    until,
    pageSize,
    after: null,
  };
}

function pageQuery(op: Operation): PageQuery {
  const token = single(op.params, 'nextToken');
  if (token === undefined) return firstPageQuery(op);
  if (op.params.some(([n]) => n !== 'nextToken' && QUERY_PARAMETERS.includes(n))) {
    throw new ApiError(
      400,
      'InvalidParameterCombination',
      'nextToken must be the only parameter when it is specified.',
    );
  }
  const query = decodeToken(op.state.secret, op.store.key, token);
  if (!query) throw invalidParameter('nextToken', token);
  return query;
}

const isAfter = (r: ReportRecord, [time, id]: [number, string]): boolean =>
  r.createdTime < time || (r.createdTime === time && r.reportId < id);

export function getReports(op: Operation) {
  const q = pageQuery(op);
  const matching = op.store
    .retained(op.now)
    .filter((r) => r.createdTime >= q.since && r.createdTime <= q.until)
    .filter((r) => !q.types || q.types.includes(r.reportType))
    .filter((r) => !q.statuses || q.statuses.includes(statusAt(r, op.now)))
    .filter((r) => !q.after || isAfter(r, q.after))
    .sort(newestFirst);
  const page = matching.slice(0, q.pageSize);
  const last = page[page.length - 1];
  const body: Record<string, unknown> = { reports: page.map((r) => reportView(r, op.now)) };
  if (matching.length > q.pageSize && last) {
    body.nextToken = encodeToken(op.state.secret, op.store.key, { ...q, after: [last.createdTime, last.reportId] });
  }
  return { status: 200, body };
}

export function getReport(op: Operation) {
  const report = op.store.findReport(op.id, op.now);
  if (!report) throw new ApiError(404, 'ResourceNotFound', `Report ${op.id} was not found.`);
  return { status: 200, body: reportView(report, op.now) };
}

export function createReport(op: Operation) {
  const body = jsonBody(op.body, ['reportType', 'startTime', 'endTime']);
  const type = required(body, 'reportType');
  if (typeof type !== 'string') throw invalidParameter('reportType', String(type));
  const refusal = creationRefusal(type, op.store.env, false, op.state.faults.config.sandboxRefusesTransactionTypes);
  if (refusal) throw new ApiError(400, 'InvalidParameterValue', refusal);
  const start = date(required(body, 'startTime'), 'startTime');
  const end = date(required(body, 'endTime'), 'endTime');
  if (start >= end) throw new ApiError(400, 'InvalidParameterValue', 'startTime must be before endTime.');
  const report = op.store.createReport(type, start, end, op.now);
  op.state.indexDocument(op.store, report);
  return { status: 201, body: { reportId: report.reportId } };
}
