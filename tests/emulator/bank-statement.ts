/**
 * A merchant's bank statement for their Amazon Pay disbursements, as camt.053.001.08 and as MT940 (ISO-8859-1), so
 * tests and the demo have one to import. Deterministic from the seed, with the noise real statements have: other
 * credits and debits, one payout booked late, two payouts of the same amount whose bank lines carry no reference,
 * and one payout returned by the bank and credited again two days later.
 *
 * Where Amazon's reference appears on a real credit is not published (the disbursement reference id is said to be
 * "on the bank statement"); here it is the end-to-end id (MT940: EREF+) and the remittance names the settlement.
 */
import type { Disbursement } from '../../utils/amazon-pay/disbursements';
import { formatMinor } from '../../utils/books/money';
import { createRng, DIGITS, type Rng } from './prng';

export type BankRegion = 'na' | 'eu' | 'jp';

/** The payer as the bank names it: EU per merchants' bank rules; NA and JP not confirmed by a public source. */
export const AMAZON_PAYER: Readonly<Record<BankRegion, string>> = {
  eu: 'AMAZON PAYMENTS EUROPE S.C.A.',
  na: 'AMAZON PAYMENTS, INC.',
  jp: 'AMAZON JAPAN G.K.',
};

export interface StatementLine {
  bookingDate: string;
  currency: string;
  /** Signed minor units. */
  amountMinor: number;
  counterparty: string;
  endToEndId: string;
  remittance: string;
  reversal: boolean;
  bankReference: string;
  /** The disbursement this line pays (or returns), for tests. */
  disbursementReferenceId?: string;
}

export interface BankStatementInput {
  seed: string;
  region: BankRegion;
  disbursements: readonly Disbursement[];
}

const DAY_MS = 86_400_000;

function addBusinessDays(date: string, days: number): string {
  let t = Date.parse(`${date}T00:00:00Z`);
  for (let left = days; left > 0;) {
    t += DAY_MS;
    const weekday = new Date(t).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return new Date(t).toISOString().slice(0, 10);
}

/** Disbursements for a demo or test: daily, with two of the same amount on consecutive days. */
export function demoDisbursements(seed: string, count: number, currency: string, firstDay: string): Disbursement[] {
  const rng = createRng(`disbursements:${seed}`);
  const out: Disbursement[] = [];
  for (let i = 0; i < count; i++) {
    const drawn = i === 3 ? out[2]!.amountMinor : rng.int(20_000, 900_000);
    out.push({
      sellerId: `DEMO${seed.toUpperCase().replace(/[^A-Z0-9]/g, '')}`,
      settlementId: String(5984860000 + i * 7 + rng.int(0, 6)),
      amazonDisbursementReferenceId: `${rng.chars(DIGITS, 4)}-${rng.chars(DIGITS, 6)}-${rng.chars(DIGITS, 4)}`,
      amountMinor: currency === 'JPY' && i !== 3 ? Math.round(drawn / 100) : drawn,
      currencyCode: currency,
      transactionTime: new Date(Date.parse(`${firstDay}T00:00:00Z`) + i * DAY_MS + rng.int(1, 20) * 3_600_000),
    });
  }
  return out;
}

function noise(rng: Rng, currency: string, from: string, to: string): StatementLine[] {
  const lines: StatementLine[] = [];
  const start = Date.parse(`${from}T00:00:00Z`);
  const span = Math.max(1, Math.round((Date.parse(`${to}T00:00:00Z`) - start) / DAY_MS));
  const payers = ['ACME GMBH', 'Müller & Söhne KG', 'Stadtwerke Musterstadt', 'Jane Customer'];
  for (let i = 0; i < Math.max(4, span / 2); i++) {
    const credit = rng.next() < 0.6;
    lines.push({
      bookingDate: new Date(start + rng.int(0, span) * DAY_MS).toISOString().slice(0, 10),
      currency,
      amountMinor: (credit ? 1 : -1) * rng.int(1_000, 300_000),
      counterparty: rng.pick(payers),
      endToEndId: credit ? `INV-${rng.chars(DIGITS, 6)}` : 'NOTPROVIDED',
      remittance: credit ? `Rechnung ${rng.chars(DIGITS, 5)}` : 'Abschlag',
      reversal: false,
      bankReference: '',
    });
  }
  const returned = lines.find((l) => l.amountMinor > 0)!;
  lines.push({
    ...returned,
    bookingDate: addBusinessDays(returned.bookingDate, 1),
    amountMinor: -returned.amountMinor,
    reversal: true,
    remittance: 'RETOURE',
  });
  return lines;
}

export function bankStatementLines(input: BankStatementInput): StatementLine[] {
  const rng = createRng(`bank:${input.seed}`);
  const payer = AMAZON_PAYER[input.region];
  const lines: StatementLine[] = [];
  const sorted = [...input.disbursements].sort((a, b) => a.transactionTime.getTime() - b.transactionTime.getTime());
  const equal = sorted.findIndex((d, i) => i > 0 && d.amountMinor === sorted[i - 1]!.amountMinor);
  sorted.forEach((d, i) => {
    const posted = d.transactionTime.toISOString().slice(0, 10);
    const late = i === Math.min(1, sorted.length - 1);
    const anonymous = equal > 0 && (i === equal || i === equal - 1);
    const payout: StatementLine = {
      bookingDate: addBusinessDays(posted, late ? 8 : rng.int(1, 3)),
      currency: d.currencyCode,
      amountMinor: d.amountMinor,
      counterparty: payer,
      endToEndId: anonymous ? 'NOTPROVIDED' : d.amazonDisbursementReferenceId,
      remittance: anonymous ? `${payer} PAYOUT` : `${payer} settlement ${d.settlementId}`,
      reversal: false,
      bankReference: '',
      disbursementReferenceId: d.amazonDisbursementReferenceId,
    };
    lines.push(payout);
    if (i === 0 && sorted.length > 2) {
      const back = addBusinessDays(payout.bookingDate, 1);
      lines.push({
        ...payout,
        bookingDate: back,
        amountMinor: -payout.amountMinor,
        reversal: true,
        remittance: 'RUECKUEBERWEISUNG',
      });
      lines.push({ ...payout, bookingDate: addBusinessDays(back, 2) });
    }
  });
  const dates = lines.map((l) => l.bookingDate).sort();
  lines.push(
    ...noise(rng, sorted[0]?.currencyCode ?? 'EUR', dates[0] ?? '2026-01-01', dates[dates.length - 1] ?? '2026-01-01'),
  );
  lines.sort((a, b) => (a.bookingDate < b.bookingDate ? -1 : a.bookingDate > b.bookingDate ? 1 : 0));
  lines.forEach(
    (line, i) => (line.bankReference = `${line.bookingDate.replaceAll('-', '')}${String(i + 1).padStart(5, '0')}`),
  );
  return lines;
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function writeCamt053(lines: readonly StatementLine[], iban: string, currency: string): string {
  const entries = lines.map((l) => {
    const party = l.amountMinor > 0 ? 'Dbtr' : 'Cdtr';
    return `
      <Ntry>
        <Amt Ccy="${l.currency}">${formatMinor(Math.abs(l.amountMinor), l.currency)}</Amt>${l.reversal ? '\n        <RvslInd>true</RvslInd>' : ''}
        <CdtDbtInd>${l.amountMinor > 0 ? 'CRDT' : 'DBIT'}</CdtDbtInd>
        <Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><Dt>${l.bookingDate}</Dt></BookgDt>
        <ValDt><Dt>${l.bookingDate}</Dt></ValDt>
        <AcctSvcrRef>${l.bankReference}</AcctSvcrRef>
        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>${l.amountMinor > 0 ? 'RCDT' : 'ICDT'}</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
        <NtryDtls><TxDtls>
          <Refs><EndToEndId>${escapeXml(l.endToEndId)}</EndToEndId></Refs>
          <RltdPties><${party}><Pty><Nm>${escapeXml(l.counterparty)}</Nm></Pty></${party}></RltdPties>
          <RmtInf><Ustrd>${escapeXml(l.remittance)}</Ustrd></RmtInf>
        </TxDtls></NtryDtls>
      </Ntry>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>EMULATOR-${lines[0]?.bankReference ?? '0'}</MsgId><CreDtTm>${lines.at(-1)?.bookingDate ?? '2026-01-01'}T06:00:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>STMT-${lines.at(-1)?.bookingDate ?? ''}</Id>
      <Acct><Id><IBAN>${iban}</IBAN></Id><Ccy>${currency}</Ccy></Acct>${entries.join('')}
    </Stmt>
  </BkToCstmrStmt>
</Document>
`;
}

/** `:86:` text cut into the 27-character `?2x` purpose fields German banks write. */
function purposeFields(text: string): string {
  const parts = text.match(/.{1,27}/g) ?? [];
  return parts
    .slice(0, 10)
    .map((part, i) => `?2${i}${part}`)
    .join('');
}

export function writeMt940(lines: readonly StatementLine[], account: string, currency: string): Uint8Array {
  const yymmdd = (date: string) => date.slice(2).replaceAll('-', '');
  const out = [
    ':20:EMULATOR',
    `:25:${account}`,
    ':28C:00001/001',
    `:60F:C${yymmdd(lines[0]?.bookingDate ?? '2026-01-01')}${currency}0,00`,
  ];
  let balance = 0;
  for (const l of lines) {
    balance += l.amountMinor;
    const mark = l.reversal ? (l.amountMinor < 0 ? 'RC' : 'RD') : l.amountMinor > 0 ? 'C' : 'D';
    const amount = formatMinor(Math.abs(l.amountMinor), l.currency, ',');
    out.push(
      `:61:${yymmdd(l.bookingDate)}${l.bookingDate.slice(5).replace('-', '')}${mark}${amount}NTRFNONREF//${l.bankReference}`,
    );
    const eref = l.endToEndId === 'NOTPROVIDED' ? '' : `EREF+${l.endToEndId} `;
    const gvc = l.reversal ? '109' : l.amountMinor > 0 ? '166' : '177';
    const text = `${gvc}?00${l.amountMinor > 0 ? 'GUTSCHRIFT' : 'UEBERWEISUNG'}${purposeFields(`${eref}SVWZ+${l.remittance}`)}?32${l.counterparty.slice(0, 27)}?33${l.counterparty.slice(27, 54)}`;
    const chunks = text.match(/.{1,65}/g) ?? [];
    out.push(`:86:${chunks[0] ?? ''}`, ...chunks.slice(1));
  }
  const last = lines.at(-1)?.bookingDate ?? '2026-01-01';
  out.push(
    `:62F:${balance < 0 ? 'D' : 'C'}${yymmdd(last)}${currency}${formatMinor(Math.abs(balance), currency, ',')}`,
    '-',
  );
  return Uint8Array.from(`${out.join('\r\n')}\r\n`, (c) => {
    const code = c.charCodeAt(0);
    if (code > 0xff) throw new RangeError(`Not ISO-8859-1: ${c}`);
    return code;
  });
}
