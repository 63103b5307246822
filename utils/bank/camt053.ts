/**
 * ISO 20022 camt.053 (bank-to-customer statement), versions .001.02, .001.04 and .001.08 — the paths this reads are
 * the same in all three except the status (`Sts` text in .02, `Sts/Cd` later) and the debtor name (`Dbtr/Nm`, in
 * .08 `Dbtr/Pty/Nm`). Element paths per the ISO 20022 message definition and the German banking industry's
 * DFÜ-Abkommen Anlage 3; sources in docs/books-formats.md.
 */
import { parseMinor } from '../books/money';
import { StatementUnreadableError } from '../books/errors';
import { assignIds } from './entry-id';
import type { BankEntry, BankEntryDetail, BankEntryStatus } from './types';
import { child, children, parseXml, textAt, type XmlElement, XmlError } from './xml';

const NAMESPACE = /^urn:iso:std:iso:20022:tech:xsd:camt\.053\.001\.(\d{2})$/;
export const CAMT_VERSIONS = ['02', '04', '08'] as const;

const dateOf = (element: XmlElement | undefined) => (textAt(element, 'Dt') || textAt(element, 'DtTm')).slice(0, 10);

function statusOf(entry: XmlElement): BankEntryStatus {
  const code = textAt(entry, 'Sts/Cd') || textAt(entry, 'Sts');
  return code === 'PDNG' ? 'pending' : code === 'INFO' ? 'info' : 'booked';
}

function partyName(details: XmlElement | undefined, role: 'Dbtr' | 'Cdtr'): string {
  return textAt(details, `RltdPties/${role}/Nm`) || textAt(details, `RltdPties/${role}/Pty/Nm`);
}

function detailOf(tx: XmlElement, credit: boolean, currency: string): BankEntryDetail & { remittance: string } {
  const references = ['EndToEndId', 'InstrId', 'AcctSvcrRef', 'MndtId', 'TxId', 'PmtInfId']
    .map((name) => textAt(tx, `Refs/${name}`))
    .filter((ref) => ref !== '' && ref !== 'NOTPROVIDED');
  for (const strd of children(tx, 'RmtInf/Strd')) {
    const ref = textAt(strd, 'CdtrRefInf/Ref');
    if (ref) references.push(ref);
  }
  const remittance = children(tx, 'RmtInf/Ustrd')
    .map((u) => u.text)
    .join('')
    .trim();
  const amountText = textAt(tx, 'AmtDtls/TxAmt/Amt') || textAt(tx, 'Amt');
  const amount = amountText ? parseMinor(amountText, currency) : null;
  return {
    amountMinor: amount === null ? undefined : credit ? amount : -amount,
    counterparty: partyName(tx, credit ? 'Dbtr' : 'Cdtr'),
    references,
    remittance,
  };
}

function refuse(file: string, reason: string, userMessage: string): never {
  throw new StatementUnreadableError(userMessage, { file, reason });
}

export function readCamt053(xml: string, file: string): BankEntry[] {
  let document: XmlElement;
  try {
    document = parseXml(xml);
  } catch (error) {
    return refuse(file, (error as XmlError).message, `${file} is not well-formed XML: ${(error as XmlError).message}.`);
  }
  const version = NAMESPACE.exec(
    document.attributes.xmlns ?? Object.values(document.attributes).find((v) => NAMESPACE.test(v)) ?? '',
  )?.[1];
  if (document.name !== 'Document' || !version) {
    return refuse(
      file,
      'not camt.053',
      `${file} is not a camt.053 bank statement (the bank's "Kontoauszug" export in ISO 20022 format).`,
    );
  }
  if (!(CAMT_VERSIONS as readonly string[]).includes(version)) {
    return refuse(
      file,
      `camt.053.001.${version}`,
      `${file} is camt.053.001.${version}; versions .02, .04 and .08 are read. Ask the bank for .08.`,
    );
  }
  const raw = [];
  let position = 0;
  for (const statement of children(document, 'BkToCstmrStmt/Stmt')) {
    const account = textAt(statement, 'Acct/Id/IBAN') || textAt(statement, 'Acct/Id/Othr/Id');
    for (const entry of children(statement, 'Ntry')) {
      position++;
      const amount = child(entry, 'Amt');
      const currency = amount?.attributes.Ccy ?? textAt(statement, 'Acct/Ccy');
      const minor = parseMinor(amount?.text ?? '', currency);
      if (minor === null)
        return refuse(file, `amount at entry ${position}`, `Entry ${position} of ${file} has no readable amount.`);
      const credit = textAt(entry, 'CdtDbtInd') === 'CRDT';
      const details = children(entry, 'NtryDtls/TxDtls').map((tx) => detailOf(tx, credit, currency));
      const bankReference = textAt(entry, 'AcctSvcrRef');
      raw.push({
        account,
        currency,
        amountMinor: credit ? minor : -minor,
        bookingDate: dateOf(child(entry, 'BookgDt')) || dateOf(child(entry, 'ValDt')),
        valueDate: dateOf(child(entry, 'ValDt')) || undefined,
        status: statusOf(entry),
        reversal: textAt(entry, 'RvslInd') === 'true',
        counterparty: details.map((d) => d.counterparty).find(Boolean) ?? '',
        references: [...new Set([bankReference, ...details.flatMap((d) => d.references)].filter(Boolean))],
        remittance: [textAt(entry, 'AddtlNtryInf'), ...details.map((d) => d.remittance)].filter(Boolean).join(' '),
        details: details.map(({ remittance, ...detail }) => ({
          ...detail,
          references: remittance ? [...detail.references, remittance] : detail.references,
        })),
        source: { file, position },
        bankReference,
      });
    }
  }
  return assignIds(raw);
}
