/** The CSV column mapping the merchant chose for each bank account, remembered with the private settings. */
import { definePrivateSetting } from '../settings/private-settings';
import type { CsvColumnMapping } from './csv-statement';

const stored = definePrivateSetting<Record<string, CsvColumnMapping>>('bankCsvMappings', {});

export async function rememberedMappings(): Promise<Record<string, CsvColumnMapping>> {
  return stored.getValue();
}

export async function rememberMapping(mapping: CsvColumnMapping): Promise<void> {
  await stored.setValue({ ...(await stored.getValue()), [mapping.account]: mapping });
}

export function emptyMapping(account = ''): CsvColumnMapping {
  return {
    account,
    date: '',
    dateOrder: 'DD.MM.YYYY',
    amount: '',
    decimal: ',',
    currency: 'EUR',
    counterparty: '',
    purpose: [],
    references: [],
  };
}
