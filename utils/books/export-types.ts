/** What every export returns: the files to save and every value it had to change on the way. */
export interface ExportFile {
  name: string;
  mimeType: string;
  bytes: Uint8Array;
  /** Booking or transaction lines in the file (without header lines). */
  lineCount: number;
}

export interface ExportChange {
  /** The settlement-file line the value came from, when the booking has one row. */
  sourceLine?: number;
  settlementId: string;
  field: string;
  from: string;
  to: string;
}

export interface ExportResult {
  files: ExportFile[];
  changes: ExportChange[];
}

/** A file-name part from free text: letters, digits and `-` only. */
export function fileNamePart(value: string): string {
  return (
    value
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'account'
  );
}
