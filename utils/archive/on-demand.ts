import { ReportCourierError } from '../errors/base';
import type { ErrorCode } from '../errors/codes';
import { toSerialized } from '../messaging/client';
import type { OnDemandView } from '../messaging/protocol';
import { definePrivateSetting } from '../settings/private-settings';
import { DAY_MS } from '../time/days';
import type { ArchiveDeps } from './deps';

/** Reports this browser asked Amazon to create, followed until they finish; kept in storage across worker restarts. */
const onDemandItem = definePrivateSetting<OnDemandView[]>('onDemand', []);
/** Finished entries stay listed for a week so the merchant sees what became of them. */
const KEEP_FINISHED_MS = 7 * DAY_MS;
/** Amazon finishes a requested report within minutes; one still pending after this is given up. */
export const FOLLOW_DEADLINE_MS = 6 * 3_600_000;
/**
 * Answers that asking again cannot change: Amazon refuses this key (401/403) or has no such report (404), or the
 * account was removed (perhaps while this pass ran).
 */
const FINAL_CODES = new Set<ErrorCode>(['unauthorized', 'not-found', 'account-not-found']);

export async function listOnDemand(accountId?: string): Promise<OnDemandView[]> {
  return (await onDemandItem.getValue()).filter((item) => !accountId || item.accountId === accountId);
}

export async function addOnDemand(item: OnDemandView): Promise<void> {
  await onDemandItem.setValue([...(await onDemandItem.getValue()), item]);
}

export async function hasPendingOnDemand(): Promise<boolean> {
  return (await onDemandItem.getValue()).some((item) => item.status === 'IN_PROGRESS');
}

/** The removed account's requested reports: nothing is followed for it any more. */
export async function removeOnDemandFor(accountId: string): Promise<void> {
  await onDemandItem.setValue((await onDemandItem.getValue()).filter((item) => item.accountId !== accountId));
}

/** Kept with the item in storage, so it is stored as data. */
const DEADLINE_PASSED = new ReportCourierError(
  'on-demand-deadline',
  'The report was still pending at its deadline',
  'Amazon did not finish this report within 6 hours; request it again.',
  {},
).toJSON();

/** A failed pass: final answers and a passed deadline end the item (FAILED, with the reason); others wait. */
function afterFailure(item: OnDemandView, thrown: unknown, now: number): OnDemandView {
  const error = toSerialized(thrown);
  if (FINAL_CODES.has(error.code)) return { ...item, status: 'FAILED', error };
  return pastDeadline(item, now) ? { ...item, status: 'FAILED', error: DEADLINE_PASSED } : item;
}

const pastDeadline = (item: OnDemandView, now: number) => now - Date.parse(item.requestedAt) >= FOLLOW_DEADLINE_MS;

/** One pass: asks Amazon about every pending report; a completed one is queued for download at once. */
export async function followOnDemand(
  deps: Pick<ArchiveDeps, 'account' | 'getReport' | 'enqueue'>,
  now = Date.now(),
): Promise<OnDemandView[]> {
  const items = await onDemandItem.getValue();
  const updated = await Promise.all(
    items.map(async (item): Promise<OnDemandView> => {
      if (item.status !== 'IN_PROGRESS') return item;
      try {
        const account = await deps.account(item.accountId);
        const report = await deps.getReport(account, item.reportId);
        if (report.processingStatus === 'IN_PROGRESS' && pastDeadline(item, now))
          return { ...item, status: 'FAILED', error: DEADLINE_PASSED };
        if (report.processingStatus !== 'COMPLETED') return { ...item, status: report.processingStatus };
        const result = await deps.enqueue(item.accountId, [report], { accountLabel: account.label });
        return { ...item, status: report.processingStatus, batchId: result.batchId };
      } catch (thrown) {
        return afterFailure(item, thrown, now);
      }
    }),
  );
  const kept = updated.filter(
    (item) => item.status === 'IN_PROGRESS' || now - Date.parse(item.requestedAt) < KEEP_FINISHED_MS,
  );
  await onDemandItem.setValue(kept);
  return kept;
}
