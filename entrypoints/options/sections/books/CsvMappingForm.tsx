import { useEffect, useState } from 'preact/hooks';
import { emptyMapping, rememberedMappings } from '@/utils/bank/csv-mappings';
import type { CsvColumnMapping, CsvDateOrder } from '@/utils/bank/csv-statement';
import { t } from '@/utils/i18n';

interface Props {
  fileName: string;
  onMapping(mapping: CsvColumnMapping): void;
  onCancel(): void;
}

const list = (value: string) =>
  value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

/** Which columns of a bank's CSV hold what; a bank account's earlier mapping is filled in when it is chosen. */
export function CsvMappingForm({ fileName, onMapping, onCancel }: Props) {
  const [known, setKnown] = useState<Record<string, CsvColumnMapping>>({});
  const [mapping, setMapping] = useState<CsvColumnMapping>(emptyMapping());
  useEffect(() => {
    void rememberedMappings().then((remembered) => {
      setKnown(remembered);
      const first = Object.values(remembered)[0];
      if (first) setMapping(first);
    });
  }, []);
  const set = (fields: Partial<CsvColumnMapping>) => setMapping({ ...mapping, ...fields });
  const field = (label: string, value: string, onValue: (v: string) => void) => (
    <label class="field">
      {label}
      <input type="text" value={value} autocomplete="off" onInput={(e) => onValue(e.currentTarget.value)} />
    </label>
  );
  const ready = mapping.account.trim() !== '' && mapping.date.trim() !== '' && (mapping.amount ?? '').trim() !== '';
  return (
    <form
      class="form card"
      aria-label={t('bankCsvTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        // An optional column left empty is no column.
        const optional = (name: string | undefined) => name?.trim() || undefined;
        if (ready) {
          onMapping({
            ...mapping,
            account: mapping.account.trim(),
            date: mapping.date.trim(),
            amount: optional(mapping.amount),
            counterparty: optional(mapping.counterparty),
          });
        }
      }}
    >
      <h3>{t('bankCsvTitle')}</h3>
      <p class="hint">{t('bankCsvHint', fileName)}</p>
      <label class="field">
        {t('bankCsvAccount')}
        <input
          type="text"
          list="bank-csv-accounts"
          autocomplete="off"
          value={mapping.account}
          onInput={(e) => {
            const account = e.currentTarget.value;
            setMapping(known[account] ?? { ...mapping, account });
          }}
        />
        <datalist id="bank-csv-accounts">
          {Object.keys(known).map((account) => (
            <option key={account} value={account} />
          ))}
        </datalist>
      </label>
      {field(t('bankCsvDate'), mapping.date, (date) => set({ date }))}
      <label class="field">
        {t('bankCsvDateOrder')}
        <select value={mapping.dateOrder} onChange={(e) => set({ dateOrder: e.currentTarget.value as CsvDateOrder })}>
          {(['DD.MM.YYYY', 'YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY'] as const).map((order) => (
            <option key={order}>{order}</option>
          ))}
        </select>
      </label>
      {field(t('bankCsvAmount'), mapping.amount ?? '', (amount) => set({ amount }))}
      <label class="field">
        {t('bankCsvDecimal')}
        <select value={mapping.decimal} onChange={(e) => set({ decimal: e.currentTarget.value as ',' | '.' })}>
          <option value=",">1.234,56</option>
          <option value=".">1,234.56</option>
        </select>
      </label>
      {field(t('bankCsvCurrency'), mapping.currency, (currency) => set({ currency: currency.trim().toUpperCase() }))}
      {field(t('bankCsvCounterparty'), mapping.counterparty ?? '', (counterparty) => set({ counterparty }))}
      {field(t('bankCsvPurpose'), mapping.purpose.join(', '), (purpose) => set({ purpose: list(purpose) }))}
      {field(t('bankCsvReferences'), mapping.references.join(', '), (references) =>
        set({ references: list(references) }),
      )}
      <div class="card-actions">
        <button type="submit" class="primary" disabled={!ready}>
          {t('bankCsvRead')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
