/** Date formats Amazon Pay uses: compact basic ISO 8601 (`20221118T150630Z`) and the extended form the Node SDK sends. */

const COMPACT = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
const EXTENDED = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,3})?Z$/;

export function formatCompact(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/**
 * Parses either date form; `allowFraction` admits `.123` in the extended form (query/body parameters only —
 * the signed header never carries fractions). Returns null for anything else, including impossible dates.
 */
export function parseAmazonDate(value: string, allowFraction = false): number | null {
  const m = COMPACT.exec(value) ?? EXTENDED.exec(value);
  if (!m) return null;
  if (m[7] !== undefined && !allowFraction) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s) + (m[7] ? Math.round(Number(m[7]) * 1000) : 0);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  if (h > 23 || mi > 59 || s > 59) return null;
  return ms;
}

export const DAY_MS = 86_400_000;
