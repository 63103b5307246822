import { toSerialized } from '../messaging/client';

/** What the worker's console shows of a failed background task: its code and message (ours; never a payload). */
export function reportBackgroundError(task: string, error: unknown): void {
  const { code, message } = toSerialized(error);
  console.error(`Report Courier: ${task} failed (${code}): ${message}`);
}

/**
 * Runs background work that nobody awaits (an alarm, an event, a loop, a start-up task): a failure is reported
 * and ends there, instead of becoming an unhandled rejection that stops the work silently.
 */
export async function guarded(
  task: string,
  work: () => Promise<unknown>,
  report = reportBackgroundError,
): Promise<void> {
  try {
    await work();
  } catch (error) {
    report(task, error);
  }
}
