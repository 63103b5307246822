import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSettlementReport } from '../../utils/ledger/settlement';
import { pickOrder } from '../../scripts/demo/ledger-tour';
import { repoRoot } from './harness';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const SHOTS = [
  'options.png',
  'popup.png',
  'seller-central-panel.png',
  'settlements.png',
  'settlement-detail.png',
  'settlement-search.png',
  'seller-central-order-lookup.png',
  'books-export.png',
  'bank-match.png',
];
const out = path.join(repoRoot, 'demo-output');

function runDemo(timeoutMs: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '-s', 'demo', '--', '--headless'], {
      cwd: repoRoot,
      env: { ...process.env, DISPLAY: '' },
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGINT'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

const filesIn = (dir: string) =>
  fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));

describe('npm run demo -- --headless', () => {
  let started = 0;
  let run: { code: number | null; output: string };
  beforeAll(async () => {
    started = Date.now();
    run = await runDemo(200_000);
  }, 240_000);

  it('builds, tours both demo accounts and exits 0, having written every screenshot in this run', () => {
    expect(run.code, run.output).toBe(0);
    for (const name of SHOTS) {
      const file = path.join(out, name);
      expect(run.output).toContain(path.join('demo-output', name));
      const stat = fs.statSync(file);
      expect(stat.mtimeMs, `${name} was written by this run`).toBeGreaterThanOrEqual(started - 1000);
      expect(stat.size, name).toBeGreaterThan(10_000);
      expect(fs.readFileSync(file).subarray(0, 8).equals(PNG_SIGNATURE), `${name} is a PNG`).toBe(true);
    }
    expect(run.output).toContain('Closed the browser and the emulator.');
  });

  it('keeps the settlements it downloaded (and captured) for both accounts in demo-output/downloads', () => {
    expect(run.code).toBe(0);
    const settlements = filesIn(path.join(out, 'downloads')).filter((f) => f.endsWith('.csv'));
    const currencies = new Set<string>();
    for (const file of settlements) {
      const { header, rows, errors } = parseSettlementReport(fs.readFileSync(file));
      expect(errors, file).toEqual([]);
      expect(header.SellerId, file).toBeTruthy();
      for (const row of rows) currencies.add(row.currency);
    }
    expect(settlements.length).toBeGreaterThanOrEqual(2 * 28);
    expect([...currencies].sort()).toEqual(['EUR', 'USD']);
  });

  it("searches an order the USD account's settlements show captured and then refunded", () => {
    expect(run.code).toBe(0);
    const usd = filesIn(path.join(out, 'downloads')).filter(
      (f) => f.endsWith('.csv') && parseSettlementReport(fs.readFileSync(f)).rows.some((r) => r.currency === 'USD'),
    );
    const shown = pickOrder(usd);
    const steps = usd
      .flatMap((f) => parseSettlementReport(fs.readFileSync(f)).rows)
      .filter((r) => r.amazonOrderReferenceId === shown.order)
      .sort((a, b) => Date.parse(a.postedAt) - Date.parse(b.postedAt))
      .map((r) => r.category);
    expect(steps[0], shown.order).toBe('capture');
    expect(steps.slice(1), shown.order).toContain('refund');
  });

  it('writes the last full month as DATEV (EUR) and Xero and QuickBooks files per currency to demo-output/exports', () => {
    expect(run.code).toBe(0);
    const names = fs.readdirSync(path.join(out, 'exports')).sort();
    const month = /_(\d{4}-\d{2})\.csv$/.exec(names.find((n) => n.startsWith('xero_USD_')) ?? '')?.[1];
    expect(month, names.join(', ')).toBeTruthy();
    expect(names).toEqual(
      expect.arrayContaining([
        `quickbooks_EUR_${month}.csv`,
        `quickbooks_USD_${month}.csv`,
        `xero_EUR_${month}.csv`,
        `xero_USD_${month}.csv`,
      ]),
    );
    const datev = names.filter((n) => /^EXTF_.*\.csv$/.test(n));
    expect(datev).toHaveLength(1);
    const [first, columns] = new TextDecoder('windows-1252')
      .decode(fs.readFileSync(path.join(out, 'exports', datev[0]!)))
      .split('\r\n');
    expect(first).toMatch(/^"EXTF";700;21;"Buchungsstapel";13;/);
    expect(columns!.split(';')).toHaveLength(125);
    for (const name of names.filter((n) => !n.startsWith('EXTF_'))) {
      const lines = fs
        .readFileSync(path.join(out, 'exports', name), 'utf8')
        .split('\r\n')
        .filter(Boolean);
      expect(lines[0], name).toBe(
        name.startsWith('xero_') ? 'Date,Amount,Payee,Description,Reference' : 'Date,Description,Amount',
      );
      expect(lines.length, name).toBeGreaterThan(2);
    }
  });

  it('keeps the bank statement it imported and matched', () => {
    expect(run.code).toBe(0);
    const statement = fs.readFileSync(path.join(out, 'bank', 'camt053_EUR.xml'), 'utf8');
    expect(statement).toContain('urn:iso:std:iso:20022:tech:xsd:camt.053.001.08');
    expect(statement).toContain('AMAZON PAYMENTS EUROPE S.C.A.');
  });
});
