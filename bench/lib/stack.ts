/** The extension in Chromium against the emulator, for the benchmark: one account added through the options page. */
import { completedReports, driveAccount, messenger, type Driver, type ReportRow } from '../../tests/e2e/support/driver';
import { startStack, type Stack } from '../../tests/e2e/support/stack';
import type { LaunchOptions } from '../../tests/e2e/harness';
import type { EmulatorOptions } from '../../tests/emulator/index';
import { ensureBuilt } from './build';

export interface BenchStack {
  stack: Stack;
  driver: Driver;
  reports: ReportRow[];
}

/**
 * After the account is added, the driving page moves to a plain extension document (the manifest): it can still
 * message the background, and no view renders progress beside the measurement.
 */
export async function benchStack(
  emulator: EmulatorOptions,
  label: string,
  launch: Partial<LaunchOptions> = {},
): Promise<BenchStack> {
  ensureBuilt();
  const stack = await startStack({ seed: 'bench', ...emulator }, launch);
  const driver = await driveAccount(stack, label);
  await driver.page.goto(`chrome-extension://${stack.browser.extensionId}/manifest.json`);
  const quiet = { ...driver, send: messenger(driver.page) };
  return { stack, driver: quiet, reports: await completedReports(quiet) };
}

export async function withBenchStack<T>(
  emulator: EmulatorOptions,
  label: string,
  work: (bench: BenchStack) => Promise<T>,
  launch: Partial<LaunchOptions> = {},
): Promise<T> {
  const bench = await benchStack(emulator, label, launch);
  try {
    return await work(bench);
  } finally {
    await bench.stack.close();
  }
}
