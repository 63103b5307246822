/**
 * RFC 4180 records with a chosen delimiter, for files other programs wrote (bank exports use `;`, `,` or tabs).
 * Lenient where banks are sloppy (a stray quote inside an unquoted field is kept as text); each record keeps the
 * physical line it starts on.
 */
export interface CsvRecord {
  fields: string[];
  line: number;
}

export function parseCsv(text: string, delimiter: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let fieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && fieldStart) {
      quoted = true;
      fieldStart = false;
    } else if (c === delimiter) {
      fields.push(field);
      field = '';
      fieldStart = true;
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      if (fields.length > 1 || fields[0] !== '') records.push({ fields, line: start });
      fields = [];
      field = '';
      fieldStart = true;
      line++;
      start = line;
    } else {
      field += c;
      fieldStart = false;
    }
  }
  fields.push(field);
  if (fields.length > 1 || fields[0] !== '') records.push({ fields, line: start });
  return records;
}

/** The delimiter that splits the line into the most fields (of `;`, `,` and tab). */
export function guessDelimiter(line: string): ';' | ',' | '\t' {
  const counts = ([';', ',', '\t'] as const).map((d) => [d, parseCsv(line, d)[0]?.fields.length ?? 0] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}
