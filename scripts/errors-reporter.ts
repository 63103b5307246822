// A vitest reporter that writes what the JSON report leaves out: the errors thrown outside any test (an uncaught
// exception or rejection after a test ended). They fail the run while every test passed; the closing line names them.
// Writes { errors: [{ name, message }] } to the file named by VITEST_ERRORS_FILE.
import { writeFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';

type Caught = { name?: unknown; message?: unknown } | string | null | undefined;

export default class ErrorsReporter implements Reporter {
  onTestRunEnd(_testModules: readonly TestModule[], unhandledErrors: readonly unknown[]): void {
    const file = process.env.VITEST_ERRORS_FILE;
    if (!file) return;
    const errors = unhandledErrors.map((caught) => {
      const error = caught as Caught;
      const fields = typeof error === 'object' && error ? error : {};
      return {
        name: String(fields.name ?? 'Error'),
        message: String(fields.message ?? error).split('\n')[0],
      };
    });
    writeFileSync(file, JSON.stringify({ errors }));
  }
}
