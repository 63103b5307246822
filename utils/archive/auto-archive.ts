import { readCachedReports } from '../amazon-pay/report-cache';
import { isExpiringUnarchived, retentionStart } from '../amazon-pay/retention';
import { DAY_MS } from '../time/days';
import { toSerialized } from '../messaging/client';
import type { AutoArchiveSettings, AutoArchiveView, SerializedError } from '../messaging/protocol';
import { definePrivateSetting } from '../settings/private-settings';
import type { ArchiveDeps } from './deps';
import { SETTLEMENT, SANDBOX_SETTLEMENT } from '../amazon-pay/report-types';

interface AutoArchiveState {
  settings: AutoArchiveSettings;
  lastRun?: number;
  nextRun?: number;
  lastResult?: { queued: number; error?: SerializedError };
}

const stateItem = definePrivateSetting<Record<string, AutoArchiveState>>('autoArchive', {});

export const DEFAULT_INTERVAL_HOURS = 6;
export const ALARM_PREFIX = 'auto-archive:';

export function defaultSettings(environment: 'live' | 'sandbox'): AutoArchiveSettings {
  return {
    enabled: false,
    reportTypes: [environment === 'sandbox' ? SANDBOX_SETTLEMENT : SETTLEMENT],
    intervalHours: DEFAULT_INTERVAL_HOURS,
  };
}

export async function readState(accountId: string, environment: 'live' | 'sandbox'): Promise<AutoArchiveState> {
  return (await stateItem.getValue())[accountId] ?? { settings: defaultSettings(environment) };
}

export async function writeState(accountId: string, state: AutoArchiveState): Promise<void> {
  await stateItem.setValue({ ...(await stateItem.getValue()), [accountId]: state });
}

export async function removeAutoArchiveState(accountId: string): Promise<void> {
  const { [accountId]: _removed, ...others } = await stateItem.getValue();
  await stateItem.setValue(others);
}

export async function enabledAccounts(): Promise<string[]> {
  return Object.entries(await stateItem.getValue())
    .filter(([, s]) => s.settings.enabled)
    .map(([id]) => id);
}

/** Completed reports Amazon deletes within 7 days (90-day retention) that this browser has not archived. */
export async function countExpiringUnarchived(
  deps: Pick<ArchiveDeps, 'archivedIds'>,
  accountId: string,
  now = Date.now(),
): Promise<number> {
  const cached = await readCachedReports(accountId);
  const archived = await deps.archivedIds(accountId);
  return (cached?.reports ?? []).filter((r) =>
    isExpiringUnarchived(
      { status: r.processingStatus, createdMs: r.createdTime.getTime(), archived: archived.has(r.reportId) },
      now,
    ),
  ).length;
}

export async function viewOf(
  deps: Pick<ArchiveDeps, 'archivedIds'>,
  accountId: string,
  state: AutoArchiveState,
): Promise<AutoArchiveView> {
  return {
    accountId,
    ...state.settings,
    lastRun: state.lastRun ? new Date(state.lastRun).toISOString() : undefined,
    nextRun: state.nextRun ? new Date(state.nextRun).toISOString() : undefined,
    lastResult: state.lastResult,
    expiringUnarchived: await countExpiringUnarchived(deps, accountId),
  };
}

/**
 * One run: lists completed reports of the chosen types since the last run (all 90 days the first time) and
 * queues those not archived yet; the pipeline skips what is already downloaded.
 */
export async function runAutoArchive(
  deps: Pick<ArchiveDeps, 'account' | 'listReports' | 'enqueue'>,
  accountId: string,
  now = Date.now(),
): Promise<AutoArchiveState> {
  const account = await deps.account(accountId);
  const state = await readState(accountId, account.environment);
  let lastResult: AutoArchiveState['lastResult'];
  try {
    const reports = await deps.listReports(account, {
      reportTypes: state.settings.reportTypes,
      processingStatuses: ['COMPLETED'],
      // A day of overlap: a report created just before the last run may have completed after it.
      createdSince: new Date(Math.max(retentionStart(now).getTime() + 60_000, (state.lastRun ?? 0) - DAY_MS)),
    });
    const result = await deps.enqueue(accountId, reports, { accountLabel: account.label });
    lastResult = { queued: result.queued.length };
  } catch (error) {
    lastResult = { queued: 0, error: toSerialized(error) };
  }
  const next: AutoArchiveState = {
    ...state,
    lastRun: now,
    nextRun: now + state.settings.intervalHours * 3_600_000,
    lastResult,
  };
  await writeState(accountId, next);
  return next;
}
