import { Notice } from '@/components/Notice';
import type { ExportResult } from '@/utils/books/export-types';
import { t } from '@/utils/i18n';

const SHOWN_CHANGES = 50;

/** The files handed to the browser and every value changed to fit the format (DATEV's character set, lengths). */
export function ExportOutcome({ result }: { result: ExportResult }) {
  const lines = result.files.reduce((sum, f) => sum + f.lineCount, 0);
  return (
    <Notice
      tone={result.changes.length > 0 ? 'warning' : 'info'}
      title={t('exportSaved', [result.files.length, lines])}
    >
      <ul class="export-files">
        {result.files.map((file) => (
          <li key={file.name}>{t('exportFileLine', [file.name, file.lineCount])}</li>
        ))}
      </ul>
      {result.changes.length > 0 && (
        <details>
          <summary>{t('exportChanges', result.changes.length)}</summary>
          <ul>
            {result.changes.slice(0, SHOWN_CHANGES).map((c, i) => (
              <li key={i}>{t('exportChangeLine', [c.settlementId, c.sourceLine ?? '–', c.field, c.from, c.to])}</li>
            ))}
          </ul>
          {result.changes.length > SHOWN_CHANGES && (
            <p class="hint">{t('exportMoreChanges', result.changes.length - SHOWN_CHANGES)}</p>
          )}
        </details>
      )}
    </Notice>
  );
}
