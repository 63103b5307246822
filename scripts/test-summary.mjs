// Reads vitest's JSON report and prints "N passed, N failed, N skipped". Exits 1 when the report is missing, and
// with CI=true when anything was skipped or left as todo: in CI every test must run, or the run is not green.
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const skipped = report.numPendingTests + report.numTodoTests;
console.log(`${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped`);
if (skipped > 0 && process.env.CI === 'true') {
  const names = report.testResults.flatMap((file) =>
    file.assertionResults
      .filter((test) => test.status === 'pending' || test.status === 'skipped' || test.status === 'todo')
      .map((test) => `  ${file.name}: ${test.fullName}`),
  );
  console.error(`CI: ${skipped} skipped test(s) fail the run:\n${names.join('\n')}`);
  process.exitCode = 1;
}
