import { t } from '@/utils/i18n';
import type { AccountView, BulkPreview } from '@/utils/messaging/protocol';
import { formatCount } from '@/utils/views/format';

interface Props {
  accounts: AccountView[];
  preview: BulkPreview;
}

/** How many reports match per account, and how many of them this browser already has. */
export function PreviewTable({ accounts, preview }: Props) {
  const label = (id: string) => accounts.find((a) => a.id === id)?.label ?? id;
  const total = (pick: (p: BulkPreview['perAccount'][number]) => number) =>
    preview.perAccount.reduce((n, p) => n + pick(p), 0);
  return (
    <table class="data preview" aria-label={t('bulkPreviewLabel')}>
      <thead>
        <tr>
          <th scope="col">{t('accountLabel')}</th>
          <th scope="col">{t('bulkMatching')}</th>
          <th scope="col">{t('bulkArchived')}</th>
          <th scope="col">{t('bulkNew')}</th>
        </tr>
      </thead>
      <tbody>
        {preview.perAccount.map((p) => (
          <tr key={p.accountId}>
            <td>{label(p.accountId)}</td>
            <td>{formatCount(p.matching)}</td>
            <td>{formatCount(p.archived)}</td>
            <td>{formatCount(p.matching - p.archived)}</td>
          </tr>
        ))}
      </tbody>
      {preview.perAccount.length > 1 && (
        <tfoot>
          <tr>
            <th scope="row">{t('bulkTotal')}</th>
            <td>{formatCount(total((p) => p.matching))}</td>
            <td>{formatCount(total((p) => p.archived))}</td>
            <td>{formatCount(total((p) => p.matching - p.archived))}</td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}
