/**
 * A merchant account's accounting settings, kept with the other private settings (never where a content script can
 * read them): the accounting time zone booking dates and month boundaries follow, the seller id whose settlements
 * in the ledger belong to the account, and the DATEV side. DATEV numbers may stay empty until a DATEV file is made;
 * everything filled in must be valid before it is saved.
 */
import type { Region } from '../amazon-pay/endpoints';
import { definePrivateSetting } from '../settings/private-settings';
import { type DatevSettings, defaultDatevSettings, type SettingProblem, validateDatevSettings } from './datev-settings';
import { DEFAULT_TIME_ZONE, isTimeZone } from './time-zone';

export interface AccountingSettings {
  timeZone: string;
  /** SellerId as settlement reports write it; the ledger's settlements of this seller are the account's. */
  sellerId: string;
  datev: DatevSettings;
}

export interface AccountingProblem {
  field: 'timeZone' | 'sellerId' | `datev.${SettingProblem['field']}`;
  code: SettingProblem['code'] | 'time-zone' | 'seller-id';
  params?: number[];
  message: string;
}

const stored = definePrivateSetting<Record<string, AccountingSettings>>('accounting', {});

export function defaultAccountingSettings(region: Region): AccountingSettings {
  return { timeZone: DEFAULT_TIME_ZONE[region], sellerId: '', datev: defaultDatevSettings() };
}

/** What keeps the settings from being saved. Empty DATEV numbers are allowed here; a DATEV export refuses them. */
export function accountingProblems(settings: AccountingSettings): AccountingProblem[] {
  const problems: AccountingProblem[] = [];
  if (!isTimeZone(settings.timeZone) || settings.timeZone.trim() === '') {
    problems.push({
      field: 'timeZone',
      code: 'time-zone',
      message: 'Enter a time zone as the IANA database names it, for example Europe/Berlin.',
    });
  }
  if (!/^[A-Za-z0-9]*$/.test(settings.sellerId)) {
    problems.push({
      field: 'sellerId',
      code: 'seller-id',
      message: 'A seller id has letters and digits only, as the settlement report writes it.',
    });
  }
  const numbersLeftEmpty = settings.datev.consultantNumber === '' && settings.datev.clientNumber === '';
  for (const problem of validateDatevSettings(settings.datev)) {
    if (numbersLeftEmpty && (problem.field === 'consultantNumber' || problem.field === 'clientNumber')) continue;
    problems.push({ ...problem, field: `datev.${problem.field}` });
  }
  return problems;
}

export async function readAccountingSettings(accountId: string, region: Region): Promise<AccountingSettings> {
  const saved = (await stored.getValue())[accountId];
  if (!saved) return defaultAccountingSettings(region);
  const fallback = defaultAccountingSettings(region);
  return { ...fallback, ...saved, datev: { ...fallback.datev, ...saved.datev } };
}

/** Saves only valid settings; returns the problems otherwise (nothing is stored then). */
export async function saveAccountingSettings(
  accountId: string,
  settings: AccountingSettings,
): Promise<AccountingProblem[]> {
  const problems = accountingProblems(settings);
  if (problems.length === 0) await stored.setValue({ ...(await stored.getValue()), [accountId]: settings });
  return problems;
}
