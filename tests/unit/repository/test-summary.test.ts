/** The closing line of `npm test` and its CI rule: anything skipped fails a CI run. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../../../scripts/test-summary.mjs', import.meta.url));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-summary-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function summarise(counts: { passed: number; failed: number; pending: number; todo: number }, ci: boolean) {
  const file = path.join(dir, `${Object.values(counts).join('-')}.json`);
  const status = (name: string, state: string) => ({ fullName: name, status: state });
  fs.writeFileSync(
    file,
    JSON.stringify({
      numPassedTests: counts.passed,
      numFailedTests: counts.failed,
      numPendingTests: counts.pending,
      numTodoTests: counts.todo,
      testResults: [
        {
          name: 'tests/unit/x.test.ts',
          assertionResults: [
            ...Array.from({ length: counts.pending }, (_, i) => status(`skipped ${i}`, 'skipped')),
            ...Array.from({ length: counts.todo }, (_, i) => status(`todo ${i}`, 'todo')),
          ],
        },
      ],
    }),
  );
  const env = { ...process.env, CI: ci ? 'true' : '' };
  const run = spawnSync(process.execPath, [script, file], { env, encoding: 'utf8' });
  return { line: run.stdout.trim(), status: run.status, stderr: run.stderr };
}

describe('scripts/test-summary.mjs', () => {
  it('prints passed, failed and skipped (skipped and todo together)', () => {
    expect(summarise({ passed: 7, failed: 1, pending: 2, todo: 1 }, false)).toMatchObject({
      line: '7 passed, 1 failed, 3 skipped',
      status: 0,
    });
  });

  it('fails a CI run with a skipped test, naming it', () => {
    const run = summarise({ passed: 7, failed: 0, pending: 1, todo: 0 }, true);
    expect(run).toMatchObject({ line: '7 passed, 0 failed, 1 skipped', status: 1 });
    expect(run.stderr).toContain('tests/unit/x.test.ts: skipped 0');
  });

  it('passes a CI run with nothing skipped', () => {
    expect(summarise({ passed: 7, failed: 0, pending: 0, todo: 0 }, true)).toMatchObject({
      line: '7 passed, 0 failed, 0 skipped',
      status: 0,
    });
  });

  it('fails when there is no report to read', () => {
    expect(spawnSync(process.execPath, [script, path.join(dir, 'missing.json')]).status).not.toBe(0);
  });
});
