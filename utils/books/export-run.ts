/**
 * One export as the options page asks for it: one account, one currency, one period, one format, detailed or
 * summary. The account's accounting settings decide the time zone (and so the period's days) and the DATEV side.
 */
import type { Region } from '../amazon-pay/endpoints';
import type { AccountingSettings } from './accounting-settings';
import { bookSettlementRows, type Granularity, rowsInPeriod } from './bookings';
import { exportCamt053 } from './camt053-export';
import { exportDatev } from './datev';
import type { DateOrder } from './descriptions';
import { ExportRefusedError } from './errors';
import type { ExportResult } from './export-types';
import { exportGenericCsv, type SourcedSettlement } from './generic-csv';
import { exportQuickBooks } from './quickbooks';
import { monthPeriod, type Period, ZoneClock } from './time-zone';
import { DAY_MS } from '../time/days';
import { exportXero } from './xero';

export const EXPORT_FORMATS = ['datev', 'xero', 'quickbooks', 'generic', 'camt053'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportChoice {
  format: ExportFormat;
  currency: string;
  period: Period;
  granularity: Granularity;
  dateOrder: DateOrder;
}

export interface ExportAccount {
  label: string;
  region: Region;
}

/** The calendar month before the one `now` falls in, in the time zone. */
export function lastFullMonth(timeZone: string, now: Date): Period {
  const today = new ZoneClock(timeZone).localDate(now.getTime());
  const [year, month] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  return month === 1 ? monthPeriod(year - 1, 12) : monthPeriod(year, month - 1);
}

export function runExport(
  settlements: readonly SourcedSettlement[],
  account: ExportAccount,
  settings: AccountingSettings,
  choice: ExportChoice,
  now: Date,
): ExportResult {
  if (settings.sellerId === '') {
    throw new ExportRefusedError(
      'Choose in the Accounting section which seller id in the ledger belongs to this account.',
      { reason: 'no-seller' },
    );
  }
  if (choice.period.from > choice.period.to) {
    throw new ExportRefusedError('The period ends before it starts.', { reason: 'period-reversed' });
  }
  const { currency, period } = choice;
  if (choice.format === 'generic') {
    return exportGenericCsv({
      accountName: account.label,
      region: account.region,
      settlements,
      currency,
      period,
      timeZone: settings.timeZone,
      delimiter: ',',
    });
  }
  const rows = settlements.flatMap((s) => s.rows);
  const bookings = bookSettlementRows(rows, {
    currency,
    period,
    timeZone: settings.timeZone,
    granularity: choice.granularity,
  });
  if (choice.format === 'datev') {
    return exportDatev({
      bookings,
      currency,
      period,
      settings: settings.datev,
      accountName: account.label,
      createdAt: now,
      timeZone: settings.timeZone,
    });
  }
  if (choice.format === 'camt053') {
    // The clearing account's balance when the period starts: the net of every earlier row the ledger holds.
    const dayBefore = new Date(Date.parse(`${period.from}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
    const earlier = rowsInPeriod(rows, {
      currency,
      timeZone: settings.timeZone,
      period: { from: '0001-01-01', to: dayBefore },
    });
    const openingMinor = earlier.reduce((sum, { row }) => sum + row.netMinor, 0);
    return exportCamt053({ bookings, currency, period, openingMinor, accountName: account.label, createdAt: now });
  }
  const input = { bookings, currency, period, dateOrder: choice.dateOrder };
  return choice.format === 'xero' ? exportXero(input) : exportQuickBooks(input);
}
