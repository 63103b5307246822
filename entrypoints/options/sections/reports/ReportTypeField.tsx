import { t } from '@/utils/i18n';
import { reportTypeName } from '@/utils/views/format';

interface Props {
  types: string[];
  value: string;
  onChange(reportType: string): void;
}

/** The report types this form may ask for, by their readable names. */
export function ReportTypeField({ types, value, onChange }: Props) {
  return (
    <label class="field">
      {t('reportType')}
      <select value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {types.map((type) => (
          <option key={type} value={type}>
            {reportTypeName(type)}
          </option>
        ))}
      </select>
    </label>
  );
}
