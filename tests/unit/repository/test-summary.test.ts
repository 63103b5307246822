/** The closing line of `npm test` and its CI rule: anything skipped fails a CI run; errors outside tests are named. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import ErrorsReporter from '../../../scripts/errors-reporter';

const script = fileURLToPath(new URL('../../../scripts/test-summary.mjs', import.meta.url));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-summary-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Extra {
  /** What scripts/errors-reporter.ts writes: the errors vitest caught outside any test. */
  uncaught?: { name: string; message: string }[];
  /** A test file that failed without a failed test (vitest's file-level error message). */
  brokenFile?: string;
}

let runs = 0;
function summarise(
  counts: { passed: number; failed: number; pending: number; todo: number },
  ci: boolean,
  extra: Extra = {},
) {
  const file = path.join(dir, `${(runs += 1)}.json`);
  const errorsFile = path.join(dir, `${runs}-errors.json`);
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
            ...Array.from({ length: counts.failed }, (_, i) => status(`failed ${i}`, 'failed')),
          ],
          status: counts.failed > 0 ? 'failed' : 'passed',
          message: '',
        },
        ...(extra.brokenFile
          ? [{ name: 'tests/unit/broken.test.ts', assertionResults: [], status: 'failed', message: extra.brokenFile }]
          : []),
      ],
    }),
  );
  // Like `npm test`'s mktemp: the file is there, empty until the reporter writes it.
  fs.writeFileSync(errorsFile, extra.uncaught ? JSON.stringify({ errors: extra.uncaught }) : '');
  const env = { ...process.env, CI: ci ? 'true' : '' };
  const run = spawnSync(process.execPath, [script, file, errorsFile], { env, encoding: 'utf8' });
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

  it('counts the errors thrown outside any test, names them, and fails a run whose tests all passed', () => {
    const uncaught = [{ name: 'TypeError', message: "Cannot read properties of undefined (reading 'remove')" }];
    const run = summarise({ passed: 7, failed: 0, pending: 0, todo: 0 }, false, { uncaught });
    expect(run).toMatchObject({ line: '7 passed, 0 failed, 0 skipped, 1 error', status: 1 });
    expect(run.stderr).toContain("TypeError: Cannot read properties of undefined (reading 'remove')");
  });

  it('counts a test file that failed without a failed test (it did not load) as an error, beside failed tests', () => {
    const run = summarise({ passed: 3, failed: 1, pending: 0, todo: 0 }, false, {
      brokenFile: 'Failed to load url ./missing',
      uncaught: [{ name: 'Error', message: 'late' }],
    });
    expect(run).toMatchObject({ line: '3 passed, 1 failed, 0 skipped, 2 errors', status: 1 });
    expect(run.stderr).toContain('tests/unit/broken.test.ts: Failed to load url ./missing');
  });

  it('reads a run whose errors file is empty (the reporter never wrote) as one without errors', () => {
    expect(summarise({ passed: 2, failed: 0, pending: 0, todo: 0 }, false)).toMatchObject({
      line: '2 passed, 0 failed, 0 skipped',
      status: 0,
    });
  });

  it('fails when there is no report to read', () => {
    expect(spawnSync(process.execPath, [script, path.join(dir, 'missing.json')]).status).not.toBe(0);
  });
});

describe('scripts/errors-reporter.ts', () => {
  it('writes the errors vitest caught outside any test, first line of each message, to VITEST_ERRORS_FILE', () => {
    const file = path.join(dir, 'reporter-errors.json');
    const before = process.env.VITEST_ERRORS_FILE;
    process.env.VITEST_ERRORS_FILE = file;
    try {
      const late = new TypeError('late boom\n    at Timeout._onTimeout');
      new ErrorsReporter().onTestRunEnd([], [late, 'a rejected string']);
    } finally {
      if (before === undefined) delete process.env.VITEST_ERRORS_FILE;
      else process.env.VITEST_ERRORS_FILE = before;
    }
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({
      errors: [
        { name: 'TypeError', message: 'late boom' },
        { name: 'Error', message: 'a rejected string' },
      ],
    });
  });
});
