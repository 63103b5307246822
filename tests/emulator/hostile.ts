/**
 * Reports no real Amazon answer should contain, for robustness drills: ids and types that try to leave the
 * download folder, carry control characters or HTML, or run to 10 000 characters. Everything else about them is
 * ordinary (COMPLETED, a normal document), so they can be listed, shown and downloaded.
 */
import { DAY_MS } from './dates';
import { documentId } from './ids';
import { createRng } from './prng';
import { AUTHORIZATION, ORDER_REFERENCE, REFUND, SETTLEMENT } from './report-types';
import type { ReportRecord } from './reports';

/** `[reportId, reportType]`; the ids are unique, the markers (`__hostile`) let a test see whether script ran. */
export const HOSTILE_REPORTS: ReadonlyArray<readonly [string, string]> = [
  ['../../../../../../tmp/escaped-by-id', SETTLEMENT],
  ['..\\..\\..\\Windows\\System32\\drivers\\etc\\hosts', REFUND],
  ['/etc/passwd', ORDER_REFERENCE],
  ['a/b/../../c', AUTHORIZATION],
  ['..', SETTLEMENT],
  ['CTRL\u0000\u0007\u001b[31m\r\n\t\u202eEND', SETTLEMENT],
  ['L'.repeat(10_000), AUTHORIZATION],
  ['<img src=x onerror="window.__hostile=1">', SETTLEMENT],
  ['CON', REFUND],
  ['html-type', '<img src=x onerror="window.__hostile=2"><script>window.__hostile=3</script>'],
  ['traversal-type', '../../../../../../tmp/escaped-by-type'],
  ['slash-type', '/absolute/type\\with\\backslashes'],
  ['control-type', '_GET_\u0000\u001f\u202e\r\n_DATA_'],
  ['long-type', 'T'.repeat(10_000)],
];

/** `[reportId, scheme]`: reports whose Get Report Document answers with a URL that is not https. */
export const HOSTILE_DOCUMENT_SCHEMES: ReadonlyArray<readonly [string, 'http' | 'data' | 'javascript']> = [
  ['document-over-http', 'http'],
  ['document-as-data', 'data'],
  ['document-as-script', 'javascript'],
];

/** The URL such a report's document answer carries in place of `presigned`; undefined for every other report. */
export function hostileDocumentUrl(reportId: string, presigned: string): string | undefined {
  const scheme = HOSTILE_DOCUMENT_SCHEMES.find(([id]) => id === reportId)?.[1];
  if (scheme === 'http') return presigned.replace(/^https:/, 'http:');
  if (scheme === 'data') return 'data:text/html,<script>window.__hostile=4</script>';
  if (scheme === 'javascript') return 'javascript:window.__hostile=5';
  return undefined;
}

/** Created in the last minute, so they lead every listing (the document ones after the rest); each a one-day report. */
export function hostileReports(seed: string, anchor: number): ReportRecord[] {
  const rng = createRng(`${seed}:hostile`);
  const documents = HOSTILE_DOCUMENT_SCHEMES.map(([reportId]) => [reportId, SETTLEMENT] as const);
  return [...HOSTILE_REPORTS, ...documents].map(([reportId, reportType], i) => {
    const created = anchor - (i + 1) * 2000;
    const end = Math.floor(created / DAY_MS) * DAY_MS;
    return {
      reportId,
      reportType,
      startTime: end - DAY_MS,
      endTime: end,
      createdTime: created,
      processingStartTime: created,
      processingEndTime: created + 500,
      finalStatus: 'COMPLETED',
      reportDocumentId: documentId(rng),
      rows: 3,
    };
  });
}
