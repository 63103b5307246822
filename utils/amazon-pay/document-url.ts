import { BadResponseError } from './errors';
import type { ReportDocument } from './types';

/**
 * Amazon hands out report files on https only. Any other scheme (http:, data:, javascript:, file:, blob:) would
 * hand the browser an unencrypted, inline or script URL taken from an answer: it never reaches downloads.download.
 * The URL itself is pre-signed, so no error names it.
 */
export function requireHttpsDocument(document: ReportDocument): ReportDocument {
  if (schemeOf(document.url) === 'https:') return document;
  throw new BadResponseError(
    `Amazon Pay sent a report document URL with the scheme ${schemeOf(document.url) ?? '(none)'}`,
    'Amazon Pay sent an unreadable answer; try again in a few minutes',
    { status: 200 },
  );
}

function schemeOf(url: string): string | undefined {
  try {
    return new URL(url).protocol;
  } catch {
    return undefined;
  }
}
