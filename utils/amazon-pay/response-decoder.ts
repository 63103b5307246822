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

/** How one field is read: required fields refuse an empty or missing value, optional ones read it as absent. */
type FieldKind = 'text' | 'optionalText' | 'date' | 'optionalDate';
type Decoded<K extends FieldKind> = K extends 'text'
  ? string
  : K extends 'optionalText'
    ? string | undefined
    : K extends 'date'
      ? Date
      : Date | undefined;

function field(wire: Wire, name: string, kind: FieldKind, what: string): string | Date | undefined {
  const value = wire[name];
  if (kind === 'optionalText') return typeof value === 'string' && value ? value : undefined;
  if (kind === 'optionalDate' && (value == null || value === '')) return undefined;
  if (typeof value !== 'string' || !value) throw malformed(`${what} (${name})`);
  if (kind === 'text') return value;
  try {
    return parseAmzDate(value);
  } catch {
    throw malformed(`${what} (${name})`);
  }
}

/** Reads one wire object by its field table; the table is the one place that says what each field must be. */
function decode<S extends Record<string, FieldKind>>(value: unknown, what: string, shape: S) {
  const wire = asObject(value, what);
  const out: Record<string, unknown> = {};
  for (const [name, kind] of Object.entries(shape)) out[name] = field(wire, name, kind, what);
  return out as { [F in keyof S]: Decoded<S[F]> };
}

const REPORT_FIELDS = {
  reportId: 'text',
  reportType: 'text',
  startTime: 'date',
  endTime: 'date',
  createdTime: 'date',
  processingStatus: 'text',
  processingStartTime: 'optionalDate',
  processingEndTime: 'optionalDate',
  reportDocumentId: 'optionalText',
} as const;

const DOCUMENT_FIELDS = { reportDocumentId: 'text', url: 'text', compressionAlgorithm: 'optionalText' } as const;

const SCHEDULE_FIELDS = {
  reportScheduleId: 'text',
  reportType: 'text',
  scheduleFrequency: 'text',
  nextReportCreationTime: 'optionalDate',
} as const;

export function reportFromWire(value: unknown): Report {
  const report = decode(value, 'report', REPORT_FIELDS);
  // Kept as sent: a status Amazon adds later should still show rather than break the list.
  return { ...report, processingStatus: report.processingStatus as ProcessingStatus };
}

export function documentFromWire(value: unknown): ReportDocument {
  return decode(value, 'report document', DOCUMENT_FIELDS);
}

export function scheduleFromWire(value: unknown): ReportSchedule {
  return decode(value, 'report schedule', SCHEDULE_FIELDS);
}
