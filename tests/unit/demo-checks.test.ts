/** The demo's own checks: a step whose output is missing or empty stops the demo with a message naming it. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DemoStepError, expectFile, waitUntil } from '../../scripts/demo/checks';

describe('demo checks', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-checks-'));

  it('refuses a missing file and an empty one, naming the step and the file', () => {
    expect(() => expectFile(path.join(dir, 'xero_USD_2026-10.csv'), 'Xero export')).toThrow(
      new DemoStepError('Xero export: xero_USD_2026-10.csv is missing (expected at least 1 bytes).'),
    );
    fs.writeFileSync(path.join(dir, 'empty.csv'), '');
    expect(() => expectFile(path.join(dir, 'empty.csv'), 'QuickBooks export')).toThrow(
      'QuickBooks export: empty.csv is only 0 bytes',
    );
    fs.writeFileSync(path.join(dir, 'full.csv'), 'Date,Description,Amount\r\n');
    expect(expectFile(path.join(dir, 'full.csv'), 'QuickBooks export')).toBe(path.join(dir, 'full.csv'));
  });

  it('waits for a value, and gives up with the step message once the time is over', async () => {
    let calls = 0;
    await expect(
      waitUntil(
        () => (++calls >= 2 ? calls : undefined),
        5_000,
        () => 'never',
      ),
    ).resolves.toBe(2);
    await expect(
      waitUntil(
        () => undefined,
        300,
        () => 'Capture read 0 of 2 settlements.',
      ),
    ).rejects.toThrow(new DemoStepError('Capture read 0 of 2 settlements.'));
  });
});
