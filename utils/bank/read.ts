/** One entry point for a bank file: a ZIP of statements, camt.053 XML, MT940, or CSV through a column mapping. */
import { StatementUnreadableError } from '../books/errors';
import { readCamt053 } from './camt053';
import { type CsvColumnMapping, readCsvStatement } from './csv-statement';
import { decodeStatementText, readMt940 } from './mt940';
import type { BankStatementRead } from './types';
import { isZip, readZip } from './zip';

function sniff(text: string): 'camt.053' | 'mt940' | 'csv' {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('<')) return 'camt.053';
  if (/^(\{1:|:20:)/.test(start) || /^:61:/m.test(text)) return 'mt940';
  return 'csv';
}

export async function readBankStatement(
  bytes: Uint8Array,
  file: string,
  mapping?: CsvColumnMapping,
): Promise<BankStatementRead[]> {
  if (isZip(bytes)) {
    const reads: BankStatementRead[] = [];
    for (const inner of await readZip(bytes, file)) {
      if (/\.(xml|sta|mt940|txt|csv)$/i.test(inner.name))
        reads.push(...(await readBankStatement(inner.bytes, inner.name, mapping)));
    }
    return reads;
  }
  const text = decodeStatementText(bytes);
  const format = sniff(text);
  if (format === 'camt.053') return [{ format, entries: readCamt053(text, file) }];
  if (format === 'mt940') return [{ format, entries: readMt940(bytes, file) }];
  if (!mapping) {
    throw new StatementUnreadableError(
      `${file} looks like CSV: choose which columns hold the date, amount and text first.`,
      { file, reason: 'csv without mapping' },
    );
  }
  return [{ format, entries: readCsvStatement(text, file, mapping) }];
}
