import type { OnDemandView } from '../messaging/protocol';
import { definePrivateSetting } from '../settings/private-settings';
import type { Services } from '../background/services';

/** Reports this browser asked Amazon to create, followed until they finish; kept in storage across worker restarts. */
const onDemandItem = definePrivateSetting<OnDemandView[]>('onDemand', []);
/** Finished entries stay listed for a week so the merchant sees what became of them. */
const KEEP_FINISHED_MS = 7 * 86_400_000;

export async function listOnDemand(accountId?: string): Promise<OnDemandView[]> {
  return (await onDemandItem.getValue()).filter((item) => !accountId || item.accountId === accountId);
}

export async function addOnDemand(item: OnDemandView): Promise<void> {
  await onDemandItem.setValue([...(await onDemandItem.getValue()), item]);
}

export async function hasPendingOnDemand(): Promise<boolean> {
  return (await onDemandItem.getValue()).some((item) => item.status === 'IN_PROGRESS');
}

/** One pass: asks Amazon about every pending report; a completed one is queued for download at once. */
export async function followOnDemand(services: Services, now = Date.now()): Promise<OnDemandView[]> {
  const items = await onDemandItem.getValue();
  const updated = await Promise.all(items.map(async (item) => {
    if (item.status !== 'IN_PROGRESS') return item;
    try {
      const account = await services.account(item.accountId);
      const report = await services.client(account).getReport(item.reportId);
      if (report.processingStatus !== 'COMPLETED') return { ...item, status: report.processingStatus };
      const result = await services.pipeline.enqueue(item.accountId, [report], { accountLabel: account.label });
      return { ...item, status: report.processingStatus, batchId: result.batchId };
    } catch {
      // Asking again on the next pass is all we can do; the item stays pending.
      return item;
    }
  }));
  const kept = updated.filter((item) => item.status === 'IN_PROGRESS' || now - Date.parse(item.requestedAt) < KEEP_FINISHED_MS);
  await onDemandItem.setValue(kept);
  return kept;
}
