import { t } from '@/utils/i18n';

/** The one row of a table with nothing in it: says "None" under the headings instead of leaving them bare. */
export function EmptyRow({ columns }: { columns: number }) {
  return (
    <tr class="empty-row">
      <td colSpan={columns}>{t('tableNone')}</td>
    </tr>
  );
}
