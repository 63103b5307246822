/**
 * The set-up every drill shares: the emulator and the built extension in Chromium, one account added through the
 * real options page (which stays open to drive the background), and the completed reports the drill downloads;
 * everything closed after the file. Each step waits for its settled state (the account listed, the listing
 * refreshed), so a drill starts from a known state.
 */
import { afterAll, beforeAll } from 'vitest';
import type { EmulatorOptions } from '../../emulator/index';
import { completedReports, driveAccount, type Driver, type ReportRow } from './driver';
import { startStack, type Stack } from './stack';

export interface DrillSetUp {
  /** The account's name, and so the archive folder its files go to. */
  label: string;
  /** How many completed reports the drill needs (the set-up fails when there are fewer); all of them when omitted. */
  reports?: number;
  emulator?: EmulatorOptions;
  /** Faults that must not slow the set-up itself (a rate limit), set once the reports are listed. */
  afterSetUp?(stack: Stack): void;
}

export interface Drill {
  stack: Stack;
  driver: Driver;
  reports: ReportRow[];
}

/** Registers the file's beforeAll and afterAll; the drill's fields are there once beforeAll has run. */
export function drillStack(setUp: DrillSetUp): Drill {
  const drill = {} as Drill;
  beforeAll(async () => {
    drill.stack = await startStack(setUp.emulator);
    drill.driver = await driveAccount(drill.stack, setUp.label);
    drill.reports = await completedReports(drill.driver, setUp.reports);
    setUp.afterSetUp?.(drill.stack);
  });
  afterAll(async () => {
    await drill.stack?.close();
  });
  return drill;
}
