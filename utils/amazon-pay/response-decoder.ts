/**
 * The response decoder at the client boundary: Amazon's JSON objects become typed reports, documents and schedules;
 * compact (`20240115T123456Z`) or extended (`2024-01-15T12:34:56Z`) timestamps become `Date`s; a shape we cannot
 * read is a BadResponseError.
 */
import { BadResponseError } from './errors';
import { parseAmzDate } from './signing';
import type { ProcessingStatus, Report, ReportDocument, ReportSchedule } from './types';

type Wire = Record<string, unknown>;

/** A 2xx answer that parsed as JSON but not into the shape we need. */
export function malformed(what: string, status = 200): BadResponseError {
  return new BadResponseError(
    `Amazon Pay sent an unexpected ${what}`,
    'Amazon Pay sent an answer we cannot read; try again later',
    { status },
  );
}

export function asObject(value: unknown, what: string): Wire {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw malformed(what);
  return value as Wire;
}

export function asArray(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw malformed(what);
  return value;
}

function text(wire: Wire, field: string, what: string): string {
  const value = wire[field];
  if (typeof value !== 'string' || !value) throw malformed(`${what} (${field})`);
  return value;
}

function optionalText(wire: Wire, field: string): string | undefined {
  const value = wire[field];
  return typeof value === 'string' && value ? value : undefined;
}

function date(wire: Wire, field: string, what: string): Date {
  try {
    return parseAmzDate(text(wire, field, what));
  } catch {
    throw malformed(`${what} (${field})`);
  }
}

function optionalDate(wire: Wire, field: string, what: string): Date | undefined {
  return wire[field] == null || wire[field] === '' ? undefined : date(wire, field, what);
}

export function reportFromWire(value: unknown): Report {
  const wire = asObject(value, 'report');
  return {
    reportId: text(wire, 'reportId', 'report'),
    reportType: text(wire, 'reportType', 'report'),
    startTime: date(wire, 'startTime', 'report'),
    endTime: date(wire, 'endTime', 'report'),
    createdTime: date(wire, 'createdTime', 'report'),
    // Kept as sent: a status Amazon adds later should still show rather than break the list.
    processingStatus: text(wire, 'processingStatus', 'report') as ProcessingStatus,
    processingStartTime: optionalDate(wire, 'processingStartTime', 'report'),
    processingEndTime: optionalDate(wire, 'processingEndTime', 'report'),
    reportDocumentId: optionalText(wire, 'reportDocumentId'),
  };
}

export function documentFromWire(value: unknown): ReportDocument {
  const wire = asObject(value, 'report document');
  return {
    reportDocumentId: text(wire, 'reportDocumentId', 'report document'),
    url: text(wire, 'url', 'report document'),
    compressionAlgorithm: optionalText(wire, 'compressionAlgorithm'),
  };
}

export function scheduleFromWire(value: unknown): ReportSchedule {
  const wire = asObject(value, 'report schedule');
  return {
    reportScheduleId: text(wire, 'reportScheduleId', 'report schedule'),
    reportType: text(wire, 'reportType', 'report schedule'),
    scheduleFrequency: text(wire, 'scheduleFrequency', 'report schedule'),
    nextReportCreationTime: optionalDate(wire, 'nextReportCreationTime', 'report schedule'),
  };
}
