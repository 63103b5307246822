import { reportTypeInfo } from '../amazon-pay/report-types';

/**
 * The download file name scheme: `AmazonPay/<account label>/<report type>/<start>_<end>_<reportId>.csv`.
 * Every part comes from the server or the user, so each is made into one safe path component that Chromium's
 * `downloads.download` accepts (it rejects `..`, absolute paths, and components `IsSafePortablePathComponent`
 * refuses) and that Windows, macOS and Linux can all store.
 */

export interface ReportFilenameInput {
  accountLabel: string;
  reportType: string;
  startTime: string;
  endTime: string;
  reportId: string;
  /** Without or with its dot (`csv`, `.csv.gz`); `csv` when unknown or unsafe. */
  extension?: string;
}

const ROOT = 'AmazonPay';
const MAX_PART = 64;
/** Below 200 (Windows' MAX_PATH is 260 with the download folder), keeping room for a `.gz` suffix. */
const MAX_TOTAL = 199 - '.gz'.length;
/** Keeps one component under the 255-byte NAME_MAX of Linux and macOS file systems, whatever the script. */
const MAX_PART_BYTES = 160;

const TYPE_NOISE = new Set(['GET', 'FLAT', 'FILE', 'CSV', 'CUSTOM', 'OFFAMAZONPAYMENTS', 'DATA']);

const NONCHARACTERS = Array.from({ length: 17 }, (_, plane) => {
  const hex = (n: number) => (plane * 0x10000 + n).toString(16);
  return `\\u{${hex(0xfffe)}}\\u{${hex(0xffff)}}`;
}).join('');
/**
 * Chromium's illegal-anywhere set (controls, format characters such as the right-to-left override, non-characters,
 * `"*:<>?\|/` and `~`, which older versions refuse everywhere), plus line separators and lone surrogates.
 */
const UNSAFE = new RegExp(
  `[\\p{Cc}\\p{Cf}\\p{Cs}\\u2028\\u2029"*:<>?\\\\|/~\\u{FDD0}-\\u{FDEF}${NONCHARACTERS}]`,
  'gu',
);
/** Chromium refuses white space and dots at either end; Windows drops them; a leading dot hides the file. */
const UNSAFE_ENDS = /^[\s.]+|[\s.]+$/gu;
/** Windows device names, with or without an extension; Windows also reserves superscript-digit ports. */
const RESERVED_DEVICE = /^(con|prn|aux|nul|clock\$|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])\s*(\..*)?$/i;
/** Names the Windows shell uses for folder settings; Chromium refuses them too. */
const RESERVED_SHELL = /^(desktop\.ini|thumbs\.db)$/i;
/** Extensions Chromium refuses on any component: `.lnk`/`.local` run code or redirect DLLs, `{CLSID}` hides a type. */
const SHELL_EXTENSION = /\.(lnk|local|scf|\{.*\})$/i;

/** Cuts `text` to at most `maxUnits` UTF-16 units and `MAX_PART_BYTES` UTF-8 bytes, never inside a code point. */
function bound(text: string, maxUnits: number): string {
  let out = '';
  let bytes = 0;
  for (const codePoint of text) {
    const value = codePoint.codePointAt(0) ?? 0;
    const size = value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x10000 ? 3 : 4;
    if (out.length + codePoint.length > maxUnits || bytes + size > MAX_PART_BYTES) break;
    out += codePoint;
    bytes += size;
  }
  return out;
}

function trimEnds(text: string): string {
  return text.replace(UNSAFE_ENDS, '');
}

/** Turns any text into one path component, or `placeholder` when nothing usable is left. */
export function sanitizePart(text: string, placeholder: string, maxUnits = MAX_PART): string {
  let part = text
    .normalize('NFC')
    .replace(UNSAFE, '_')
    .replace(/\s+/gu, ' ')
    .replace(/\.{2,}/g, '.');
  part = trimEnds(bound(trimEnds(part), maxUnits));
  if (SHELL_EXTENSION.test(part)) part = part.replace(/\.([^.]*)$/, '_$1');
  if (RESERVED_DEVICE.test(part) || RESERVED_SHELL.test(part)) part = `_${part}`;
  return part === '' ? placeholder : part;
}

export function reportTypeShortName(reportType: string): string {
  const known = reportTypeInfo(reportType)?.shortName;
  if (known) return known;
  const words = reportType.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '' && !TYPE_NOISE.has(w.toUpperCase()));
  const pascal = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()).join('');
  return sanitizePart(pascal, 'Report', 40);
}

/** `YYYY-MM-DD` from an extended (`2024-01-31T…`) or compact (`20240131T…Z`) ISO 8601 date. */
export function reportDate(value: string): string {
  const match = /^(\d{4})-?(\d{2})-?(\d{2})(?:$|[T\s])/.exec(value.trim());
  if (!match) return 'undated';
  const [, year, month, day] = match as unknown as [string, string, string, string];
  const valid = Number(month) >= 1 && Number(month) <= 12 && Number(day) >= 1 && Number(day) <= 31;
  return valid ? `${year}-${month}-${day}` : 'undated';
}

function extensionOf(extension: string | undefined): string {
  const ext = (extension ?? '').toLowerCase().replace(/^\.+/, '');
  return /^[a-z0-9]{1,5}(\.[a-z0-9]{1,4})?$/.test(ext) && !SHELL_EXTENSION.test(`.${ext}`) ? `.${ext}` : '.csv';
}

export function reportFilename(input: ReportFilenameInput): string {
  const type = reportTypeShortName(input.reportType);
  const file = `${reportDate(input.startTime)}_${reportDate(input.endTime)}_${sanitizePart(input.reportId, 'unknown')}`;
  const extension = extensionOf(input.extension);
  const fixed = ROOT.length + type.length + file.length + extension.length + 3;
  const label = sanitizePart(input.accountLabel, 'unnamed', Math.min(MAX_PART, MAX_TOTAL - fixed));
  return `${ROOT}/${label}/${type}/${file}${extension}`;
}

/** Amazon documents `compressionAlgorithm` as always `N/A`; if a document ever says GZIP, say so in the name. */
export function withDocumentExtension(filename: string, compressionAlgorithm: string | undefined): string {
  return compressionAlgorithm?.toUpperCase() === 'GZIP' ? `${filename}.gz` : filename;
}

/** The file's own name, without the folders before it (either separator: the browser reports native paths). */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
