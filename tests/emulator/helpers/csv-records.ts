/** Reading the emulator's report files back in tests. */

/** Quoted CSV without embedded quotes or line breaks, which is all these files hold; a trailing comma is dropped. */
export function records(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l !== '')
    .map((l) => l.replace(/,$/, '').slice(1, -1).split('","'));
}

/** An amount as written back to minor units (dot decimal, optional thousands separators). */
export function toMinor(text: string, exponent: number): number {
  const m = /^(-?)([\d,]+)(?:\.(\d+))?$/.exec(text);
  if (!m) throw new Error(`not an amount: ${text}`);
  const fraction = (m[3] ?? '').padEnd(exponent, '0');
  if (fraction.length > exponent && !/^0+$/.test(fraction.slice(exponent)))
    throw new Error(`too many decimals: ${text}`);
  return (m[1] ? -1 : 1) * Number(m[2]!.replace(/,/g, '') + fraction.slice(0, exponent));
}
