/** Bank files chosen by the merchant, read and added to the account's bank entries (re-imports add nothing). */
import { addBankEntries } from './bank-store';
import { rememberMapping } from './csv-mappings';
import type { CsvColumnMapping } from './csv-statement';
import { readBankStatement } from './read';

export interface ChosenFile {
  name: string;
  bytes: Uint8Array;
}

export interface StatementImport {
  files: number;
  added: number;
  duplicates: number;
  /** Pending and information entries: kept, never matched. */
  notBooked: number;
}

export async function importStatements(
  accountId: string,
  files: readonly ChosenFile[],
  mapping?: CsvColumnMapping,
): Promise<StatementImport> {
  const outcome: StatementImport = { files: files.length, added: 0, duplicates: 0, notBooked: 0 };
  const entries = [];
  for (const file of files) {
    for (const read of await readBankStatement(file.bytes, file.name, mapping)) entries.push(...read.entries);
  }
  const { added, duplicates } = await addBankEntries(accountId, entries);
  if (mapping) await rememberMapping(mapping);
  return { ...outcome, added, duplicates, notBooked: entries.filter((e) => e.status !== 'booked').length };
}
