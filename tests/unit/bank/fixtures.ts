/** Bank statements written by hand, in the shapes banks deliver (our own values). */
import { deflateRawSync } from 'node:zlib';

type Version = '02' | '04' | '08';

export interface CamtEntry {
  amount: string;
  credit?: boolean;
  status?: 'BOOK' | 'PDNG' | 'INFO';
  booked?: string;
  reversal?: boolean;
  ref?: string;
  details?: { endToEnd?: string; name?: string; ustrd?: string[]; amount?: string; creditorRef?: string }[];
  info?: string;
}

export function camt(version: Version, entries: CamtEntry[], prefix = ''): string {
  const p = prefix ? `${prefix}:` : '';
  const party = (name: string) =>
    version === '08' ? `<${p}Pty><${p}Nm>${name}</${p}Nm></${p}Pty>` : `<${p}Nm>${name}</${p}Nm>`;
  const status = (code: string) =>
    version === '08' ? `<${p}Sts><${p}Cd>${code}</${p}Cd></${p}Sts>` : `<${p}Sts>${code}</${p}Sts>`;
  const entryXml = (e: CamtEntry) => `
      <${p}Ntry>
        <${p}Amt Ccy="EUR">${e.amount}</${p}Amt>
        ${e.reversal ? `<${p}RvslInd>true</${p}RvslInd>` : ''}
        <${p}CdtDbtInd>${e.credit === false ? 'DBIT' : 'CRDT'}</${p}CdtDbtInd>
        ${status(e.status ?? 'BOOK')}
        <${p}BookgDt><${p}Dt>${e.booked ?? '2026-10-22'}</${p}Dt></${p}BookgDt>
        <${p}ValDt><${p}Dt>${e.booked ?? '2026-10-22'}</${p}Dt></${p}ValDt>
        ${e.ref ? `<${p}AcctSvcrRef>${e.ref}</${p}AcctSvcrRef>` : ''}
        <${p}BkTxCd><${p}Domn><${p}Cd>PMNT</${p}Cd><${p}Fmly><${p}Cd>RCDT</${p}Cd><${p}SubFmlyCd>ESCT</${p}SubFmlyCd></${p}Fmly></${p}Domn></${p}BkTxCd>
        <${p}NtryDtls>${(e.details ?? [])
          .map(
            (d) => `
          <${p}TxDtls>
            <${p}Refs><${p}EndToEndId>${d.endToEnd ?? 'NOTPROVIDED'}</${p}EndToEndId></${p}Refs>
            ${d.amount ? `<${p}Amt Ccy="EUR">${d.amount}</${p}Amt>` : ''}
            <${p}RltdPties><${p}Dbtr>${party(d.name ?? '')}</${p}Dbtr><${p}DbtrAcct><${p}Id><${p}IBAN>LU280019400644750000</${p}IBAN></${p}Id></${p}DbtrAcct></${p}RltdPties>
            <${p}RmtInf>${(d.ustrd ?? []).map((u) => `<${p}Ustrd>${u}</${p}Ustrd>`).join('')}${d.creditorRef ? `<${p}Strd><${p}CdtrRefInf><${p}Ref>${d.creditorRef}</${p}Ref></${p}CdtrRefInf></${p}Strd>` : ''}</${p}RmtInf>
          </${p}TxDtls>`,
          )
          .join('')}
        </${p}NtryDtls>
        ${e.info ? `<${p}AddtlNtryInf>${e.info}</${p}AddtlNtryInf>` : ''}
      </${p}Ntry>`;
  const ns = `urn:iso:std:iso:20022:tech:xsd:camt.053.001.${version}`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- exported by the bank -->
<${p}Document ${prefix ? `xmlns:${prefix}` : 'xmlns'}="${ns}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <${p}BkToCstmrStmt>
    <${p}GrpHdr><${p}MsgId>MSG-1</${p}MsgId><${p}CreDtTm>2026-10-25T06:00:00</${p}CreDtTm></${p}GrpHdr>
    <${p}Stmt>
      <${p}Id>STMT-1</${p}Id>
      <${p}Acct><${p}Id><${p}IBAN>DE02120300000000202051</${p}IBAN></${p}Id><${p}Ccy>EUR</${p}Ccy></${p}Acct>
      ${entries.map(entryXml).join('')}
    </${p}Stmt>
  </${p}BkToCstmrStmt>
</${p}Document>
`;
}

/** ISO-8859-1 bytes of an MT940 text (every character below U+0100). */
export const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

export const MT940 = [
  ':20:STARTUMSE',
  ':25:12030000/1234567890',
  ':28C:00042/001',
  ':60F:C261020EUR1000,00',
  ':61:2610221022CR1000,00NTRFNONREF//BANKREF1',
  ':86:166?00SEPA-GUTSCHRIFT?109310?20EREF+AMZN-DISB-7731?21SVWZ+Amazon Payments settleme',
  '?22nt 5984860001?30BYLADEM1001?31LU280019400644750000?32AMAZON PAYMENTS EUROPE S.C',
  '?33.A.',
  ':61:2610231023DR12,50NMSCNONREF',
  ':86:805?00ENTGELT?20Kontof\u00fchrung Oktober',
  ':61:2610241024RC1000,00NRTINONREF//BANKREF3',
  ':86:109?00R\u00dcCKBUCHUNG?20EREF+AMZN-DISB-7731?32AMAZON PAYMENTS EUROPE S.C.A.',
  ':61:2612310102C5,00NTRFKREF1',
  '/OCMT/EUR5,00/',
  ':86:Free text from M\u00fcller without structure',
  ':62F:C270102EUR-7,50',
  '-',
].join('\r\n');

/** A ZIP with one stored and one deflated file, as `zip` writes them (no data descriptors). */
export function zip(files: { name: string; text: string | Uint8Array; deflate: boolean }[]): Uint8Array {
  const chunks: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const raw = typeof file.text === 'string' ? Buffer.from(file.text, 'utf8') : Buffer.from(file.text);
    const data = file.deflate ? deflateRawSync(raw) : raw;
    const name = Buffer.from(file.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(file.deflate ? 8 : 0, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(file.deflate ? 8 : 0, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    chunks.push(local, name, data);
    directory.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const dir = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, dir, end]));
}
