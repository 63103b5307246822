/** Turning Amazon's answers into facts a merchant can share: shapes kept, values gone. */

/** Every letter becomes `x`/`X`, every digit `9`; punctuation, spaces and length stay, so formats remain visible. */
export function maskValue(value: string): string {
  return value.replace(/[a-z]/g, 'x').replace(/[A-Z]/g, 'X').replace(/[0-9]/g, '9');
}

/** A message with its variable parts named: digests, signatures, dates, ids. */
export function messageShape(message: string | undefined): string | undefined {
  if (message === undefined) return undefined;
  return message
    .replace(/[0-9a-f]{32,}/g, '<hex>')
    .replace(/[A-Za-z0-9+/]{40,}={0,2}/g, '<base64>')
    .replace(/\d{8}T\d{6}Z|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<date>')
    .replace(/\b(LIVE|SANDBOX)-[A-Z0-9]+\b/g, '$1-<key id>')
    .replace(/\bA[A-Z0-9]{12,}\b/g, '<id>');
}

/**
 * The first lines of a report file with every value masked: title lines, keys and column names stay as written
 * (they are Amazon's, not the merchant's); what follows a key and every data field is masked. Line ends and a
 * byte-order mark are reported, not shown.
 */
export function maskedHead(
  text: string,
  lines = 8,
): { bom: boolean; lineEnd: 'CRLF' | 'LF' | 'CR' | 'none'; lines: string[] } {
  const bom = text.charCodeAt(0) === 0xfeff;
  const lineEnd = text.includes('\r\n') ? 'CRLF' : text.includes('\n') ? 'LF' : text.includes('\r') ? 'CR' : 'none';
  const head = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\n|\r/)
    .slice(0, lines);
  const columnLine = head.findIndex((l) => /^"?TransactionPostedDate"?,|^"?Amazon[A-Za-z]+Id"?,/.test(l));
  return {
    bom,
    lineEnd,
    lines: head.map((line, i) => {
      if (i === columnLine || (columnLine >= 0 && i < columnLine && !line.includes('","'))) return line;
      if (columnLine >= 0 && i < columnLine)
        return line.replace(
          /^("[^"]*",")(.*)("?)$/,
          (_m, key: string, value: string, end: string) => `${key}${maskValue(value)}${end}`,
        );
      return maskValue(line);
    }),
  };
}
