/**
 * The Amazon Pay clearing account as an ISO 20022 camt.053.001.08 bank-to-customer statement, so any accounting
 * tool that imports bank statements can book it as a bank account: one booked entry per booking (credit into the
 * Amazon Pay balance, debit out of it), the opening balance from the ledger's rows before the period and the closing
 * balance after it. Element order per the camt.053.001.08 message definition; the bank reader (utils/bank/camt053.ts)
 * reads it back. The account is identified by an `Othr/Id`, as it has no IBAN.
 */
import type { Booking } from './bookings';
import { lineLabel, lineSubject, payeeOf, periodName } from './descriptions';
import { ExportRefusedError } from './errors';
import type { ExportResult } from './export-types';
import { formatMinor } from './money';
import type { Period } from './time-zone';

export const CAMT053_NAMESPACE = 'urn:iso:std:iso:20022:tech:xsd:camt.053.001.08';
/** Max35Text (ids and references) and Max140Text (names and remittance) in the message definition. */
const MAX_ID = 35;
const MAX_TEXT = 140;

export interface Camt053ExportInput {
  bookings: readonly Booking[];
  currency: string;
  period: Period;
  /** The clearing account's balance at the start of the period: the net of the ledger's earlier rows. */
  openingMinor: number;
  accountName: string;
  createdAt: Date;
}

const escapeXml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
/** Control characters are not allowed in XML 1.0 text; a value longer than the field keeps its start. */
const printable = (value: string) =>
  Array.from(value, (c) => (c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f ? ' ' : c)).join('');
const field = (value: string, max: number) => escapeXml(printable(value).slice(0, max));

function amount(minor: number, currency: string): string {
  return `<Amt Ccy="${currency}">${formatMinor(Math.abs(minor), currency)}</Amt><CdtDbtInd>${minor < 0 ? 'DBIT' : 'CRDT'}</CdtDbtInd>`;
}

function balance(code: 'OPBD' | 'CLBD', minor: number, currency: string, date: string): string {
  return `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp>${amount(minor, currency)}<Dt><Dt>${date}</Dt></Dt></Bal>`;
}

function entry(booking: Booking, index: number): string {
  const reference = `${booking.settlementId}-${booking.row?.line ?? 'S'}-${booking.kind}-${index + 1}`;
  const endToEnd = booking.row?.amazonTransactionId || booking.settlementId;
  const party = booking.amountMinor < 0 ? 'Cdtr' : 'Dbtr';
  return [
    `<Ntry><NtryRef>${index + 1}</NtryRef>${amount(booking.amountMinor, booking.currency)}`,
    `<Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>${booking.date}</Dt></BookgDt><ValDt><Dt>${booking.date}</Dt></ValDt>`,
    `<AcctSvcrRef>${field(reference, MAX_ID)}</AcctSvcrRef>`,
    `<BkTxCd><Prtry><Cd>${booking.category}</Cd><Issr>Amazon Pay</Issr></Prtry></BkTxCd>`,
    `<NtryDtls><TxDtls><Refs><EndToEndId>${field(endToEnd, MAX_ID)}</EndToEndId></Refs>`,
    `<RltdPties><${party}><Pty><Nm>${field(payeeOf(booking), MAX_TEXT)}</Nm></Pty></${party}></RltdPties>`,
    `<RmtInf><Ustrd>${field(`${lineLabel(booking)} ${lineSubject(booking)}`, MAX_TEXT)}</Ustrd></RmtInf>`,
    `</TxDtls></NtryDtls></Ntry>`,
  ].join('');
}

export function exportCamt053(input: Camt053ExportInput): ExportResult {
  if (input.bookings.length === 0)
    throw new ExportRefusedError('There is nothing to export in this period.', { reason: 'empty' });
  const { currency, period } = input;
  const closing = input.bookings.reduce((sum, b) => sum + b.amountMinor, input.openingMinor);
  const created = input.createdAt.toISOString().slice(0, 19);
  const id = field(`AMZNPAY-${currency}-${periodName(period)}`, MAX_ID);
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<Document xmlns="${CAMT053_NAMESPACE}"><BkToCstmrStmt>`,
    `<GrpHdr><MsgId>${id}</MsgId><CreDtTm>${created}</CreDtTm></GrpHdr>`,
    `<Stmt><Id>${id}</Id><CreDtTm>${created}</CreDtTm>`,
    `<FrToDt><FrDtTm>${period.from}T00:00:00</FrDtTm><ToDtTm>${period.to}T23:59:59</ToDtTm></FrToDt>`,
    `<Acct><Id><Othr><Id>${field(`AMAZONPAY-${input.accountName}`, 34)}</Id></Othr></Id><Ccy>${currency}</Ccy>`,
    `<Nm>${field(`Amazon Pay ${input.accountName}`, 70)}</Nm></Acct>`,
    balance('OPBD', input.openingMinor, currency, period.from),
    balance('CLBD', closing, currency, period.to),
    ...input.bookings.map(entry),
    '</Stmt></BkToCstmrStmt></Document>',
    '',
  ].join('\n');
  return {
    files: [
      {
        name: `camt053_${currency}_${periodName(period)}.xml`,
        mimeType: 'application/xml',
        bytes: new TextEncoder().encode(xml),
        lineCount: input.bookings.length,
      },
    ],
    changes: [],
  };
}
