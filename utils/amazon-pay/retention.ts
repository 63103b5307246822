import { DAY_MS } from '../time/days';

/** Amazon keeps reports for 90 days after creation (amazon-pay-api.md §2.7); nothing older can be listed or fetched. */

export const RETENTION_MS = 90 * DAY_MS;
/** Within this margin of deletion a report is "about to go" and worth a warning. */
export const EXPIRY_WARNING_MS = 7 * DAY_MS;

/** The earliest creation time Amazon still lists. */
export function retentionStart(now: number): Date {
  return new Date(now - RETENTION_MS);
}

/** True when Amazon deletes a report created at `createdMs` within the warning margin. */
export function expiresSoon(createdMs: number, now: number): boolean {
  return createdMs + RETENTION_MS - now <= EXPIRY_WARNING_MS;
}

/** A completed report Amazon deletes within the warning margin that this browser has not archived: save it now. */
export function isExpiringUnarchived(
  report: { status: string; createdMs: number; archived: boolean },
  now: number,
): boolean {
  return report.status === 'COMPLETED' && !report.archived && expiresSoon(report.createdMs, now);
}
