// Reads vitest's JSON report (and the errors file of scripts/errors-reporter.ts, when named) and prints
// "N passed, N failed, N skipped", with ", N errors" when anything failed outside a test: an uncaught exception or
// rejection, or a test file that failed without a failed test (it did not load, or a hook threw). Such a run exits 1
// with every test passed; the line says why. Exits 1 when the report is missing, when there are errors, and with
// CI=true when anything was skipped or left as todo: in CI every test must run, or the run is not green.
import { existsSync, readFileSync } from 'node:fs';

const [reportFile, errorsFile] = process.argv.slice(2);
const report = JSON.parse(readFileSync(reportFile, 'utf8'));
const errorsText = errorsFile && existsSync(errorsFile) ? readFileSync(errorsFile, 'utf8') : '';
const uncaught = errorsText ? JSON.parse(errorsText).errors : [];
const fileErrors = report.testResults.filter(
  (file) => file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed'),
);
const errors = [
  ...uncaught.map((error) => `  ${error.name}: ${error.message}`),
  ...fileErrors.map((file) => `  ${file.name}: ${file.message || 'failed outside any test'}`),
];
const skipped = report.numPendingTests + report.numTodoTests;
const counts = `${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped`;
const errorCount = `${errors.length} ${errors.length === 1 ? 'error' : 'errors'}`;
console.log(errors.length > 0 ? `${counts}, ${errorCount}` : counts);
if (errors.length > 0) {
  console.error(`${errors.length} error(s) outside any test fail the run:\n${errors.join('\n')}`);
  process.exitCode = 1;
}
if (skipped > 0 && process.env.CI === 'true') {
  const names = report.testResults.flatMap((file) =>
    file.assertionResults
      .filter((test) => test.status === 'pending' || test.status === 'skipped' || test.status === 'todo')
      .map((test) => `  ${file.name}: ${test.fullName}`),
  );
  console.error(`CI: ${skipped} skipped test(s) fail the run:\n${names.join('\n')}`);
  process.exitCode = 1;
}
