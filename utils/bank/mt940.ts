/**
 * SWIFT MT940 customer statements as German banks write them: `:25:` account, `:60F:` opening balance (currency),
 * `:61:` one line per entry (value date, booking date, C/D/RC/RD, amount with decimal comma, type, references),
 * `:86:` the German structured text (GVC, `?00` Buchungstext, `?20`–`?29` and `?60`–`?63` purpose, `?30`/`?31`
 * bank and account, `?32`/`?33` name) with the SEPA keywords in the purpose (EREF+, KREF+, MREF+, CRED+, SVWZ+, …).
 * ISO-8859-1 (UTF-8 taken when the bytes are valid UTF-8). Sources in docs/books-formats.md.
 */
import { StatementUnreadableError } from '../books/errors';
import { parseMinor } from '../books/money';
import { assignIds } from './entry-id';
import type { BankEntry } from './types';

const ENTRY = /^(\d{2})(\d{2})(\d{2})(\d{4})?(RC|RD|C|D)([A-Z])?(\d+,\d*)([NFS][A-Z0-9]{3})(.*)$/;
const SEPA_KEYWORD = /(EREF|KREF|MREF|CRED|DEBT|SVWZ|ABWA|ABWE|COAM|OAMT|IBAN|BIC)\+/g;

export function decodeStatementText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    let text = '';
    for (let i = 0; i < bytes.length; i += 0x2000) text += String.fromCharCode(...bytes.subarray(i, i + 0x2000));
    return text;
  }
}

/** The `:86:` text as fields by their two-digit code, continuation lines joined without separators. */
export function structuredFields(text: string): Map<string, string> | undefined {
  const joined = text.replace(/\r?\n/g, '');
  const separator = joined[3];
  if (!/^\d{3}/.test(joined) || !separator || /[\w\s]/.test(separator)) return undefined;
  const fields = new Map<string, string>([['GVC', joined.slice(0, 3)]]);
  for (const part of joined.slice(4).split(separator)) {
    const code = part.slice(0, 2);
    if (/^\d{2}$/.test(code)) fields.set(code, (fields.get(code) ?? '') + part.slice(2));
  }
  return fields;
}

/** SEPA keywords (EREF+…) inside the joined purpose, each to the next keyword. */
export function sepaKeywords(purpose: string): Map<string, string> {
  const found = [...purpose.matchAll(SEPA_KEYWORD)];
  const keywords = new Map<string, string>();
  found.forEach((match, i) => {
    const start = match.index + match[0].length;
    keywords.set(match[1]!, purpose.slice(start, found[i + 1]?.index ?? purpose.length).trim());
  });
  return keywords;
}

function details(text: string): { counterparty: string; references: string[]; remittance: string } {
  const fields = structuredFields(text);
  if (!fields) return { counterparty: '', references: [], remittance: text.replace(/\r?\n/g, ' ').trim() };
  const codes = ['20', '21', '22', '23', '24', '25', '26', '27', '28', '29', '60', '61', '62', '63'];
  const purpose = codes.map((code) => fields.get(code) ?? '').join('');
  const keywords = sepaKeywords(purpose);
  const references = ['EREF', 'KREF', 'MREF', 'CRED']
    .map((k) => keywords.get(k) ?? '')
    .filter((r) => r && r !== 'NOTPROVIDED');
  const remittance = keywords.size ? (keywords.get('SVWZ') ?? '') : purpose;
  const counterparty = `${fields.get('32') ?? ''}${fields.get('33') ?? ''}`.trim() || keywords.get('ABWA') || '';
  return { counterparty, references, remittance: [fields.get('00'), remittance].filter(Boolean).join(' ').trim() };
}

function bookingDate(year: number, valueMonth: number, bookingMonthDay: string): string {
  const month = Number(bookingMonthDay.slice(0, 2));
  const shifted = valueMonth === 12 && month === 1 ? year + 1 : valueMonth === 1 && month === 12 ? year - 1 : year;
  return `${shifted}-${bookingMonthDay.slice(0, 2)}-${bookingMonthDay.slice(2)}`;
}

export function readMt940(bytes: Uint8Array, file: string): BankEntry[] {
  const lines = decodeStatementText(bytes)
    .replace(/\{[1-3]:[^}]*\}|\{4:|-\}/g, '')
    .split(/\r?\n/);
  const fields: { tag: string; value: string; line: number }[] = [];
  lines.forEach((line, i) => {
    const tag = /^:(\d{2}[A-Z]?):/.exec(line);
    if (tag) fields.push({ tag: tag[1]!, value: line.slice(tag[0].length), line: i + 1 });
    else if (line.trim() === '-') fields.push({ tag: 'end', value: '', line: i + 1 });
    else if (fields.length && line !== '') fields[fields.length - 1]!.value += `\n${line}`;
  });
  if (!fields.some((f) => f.tag === '61' || f.tag === '20')) {
    throw new StatementUnreadableError(`${file} is not an MT940 statement (no :20: or :61: field).`, {
      file,
      reason: 'not mt940',
    });
  }
  let account = '';
  let currency = '';
  let position = 0;
  const raw = [];
  for (const [i, field] of fields.entries()) {
    if (field.tag === '25') account = field.value.trim();
    if (field.tag === '60F' || field.tag === '60M') currency = field.value.slice(7, 10);
    if (field.tag !== '61') continue;
    position++;
    const [first = '', ...more] = field.value.split('\n');
    const match = ENTRY.exec(first.trim());
    const refuse = (reason: string): never => {
      throw new StatementUnreadableError(`Line ${field.line} of ${file}: ${reason}.`, {
        file,
        line: field.line,
        reason,
      });
    };
    if (!match) refuse('the :61: entry cannot be read');
    const [, yy, mm, dd, entryDate, mark, , amountText, , rest] = match!;
    const minor = parseMinor(amountText!, currency, ',');
    if (minor === null || !currency) refuse('the amount or the statement currency (:60F:) cannot be read');
    const year = 2000 + Number(yy);
    const valueDate = `${year}-${mm}-${dd}`;
    const [customerReference = '', bankReference = ''] = rest!.split('//');
    const next = fields[i + 1];
    const info = next?.tag === '86' ? details(next.value) : { counterparty: '', references: [], remittance: '' };
    const references = [...info.references, customerReference, bankReference, ...more.map((m) => m.trim())]
      .map((r) => r.trim())
      .filter((r) => r && r !== 'NONREF');
    const credit = mark === 'C' || mark === 'RD';
    raw.push({
      account,
      currency,
      amountMinor: credit ? minor! : -minor!,
      bookingDate: entryDate ? bookingDate(year, Number(mm), entryDate) : valueDate,
      valueDate,
      status: 'booked' as const,
      reversal: mark === 'RC' || mark === 'RD',
      counterparty: info.counterparty,
      references: [...new Set(references)],
      remittance: info.remittance,
      details: [],
      source: { file, position },
    });
  }
  return assignIds(raw);
}
