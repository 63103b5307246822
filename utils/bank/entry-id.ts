/** Entry ids that make a re-imported statement a no-op while keeping two genuinely equal entries apart. */
import type { BankEntry } from './types';

type Unidentified = Omit<BankEntry, 'id'> & { bankReference?: string };

/**
 * The bank's own entry reference when there is one; otherwise the entry's content plus how many identical entries
 * came before it in the same file (so twins in one file stay two, and the same file read twice gives the same ids).
 */
export function assignIds(entries: readonly Unidentified[]): BankEntry[] {
  const seen = new Map<string, number>();
  return entries.map(({ bankReference, ...entry }) => {
    if (bankReference) return { ...entry, id: `ref:${entry.account}:${bankReference}` };
    const content = [
      entry.account,
      entry.bookingDate,
      entry.currency,
      entry.amountMinor,
      entry.counterparty,
      entry.references.join('|'),
      entry.remittance,
    ].join('\u0000');
    const twin = seen.get(content) ?? 0;
    seen.set(content, twin + 1);
    return { ...entry, id: `content:${content}\u0000${twin}` };
  });
}

/** Entries not already known, and how many were duplicates. */
export function withoutDuplicates(
  known: readonly BankEntry[],
  incoming: readonly BankEntry[],
): { added: BankEntry[]; duplicates: number } {
  const ids = new Set(known.map((entry) => entry.id));
  const added: BankEntry[] = [];
  for (const entry of incoming) {
    if (ids.has(entry.id)) continue;
    ids.add(entry.id);
    added.push(entry);
  }
  return { added, duplicates: incoming.length - added.length };
}
