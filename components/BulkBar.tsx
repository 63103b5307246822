import { liveJobCount } from '@/utils/downloads/types';
import { t } from '@/utils/i18n';
import type { BatchView } from '@/utils/messaging/protocol';
import { ProgressBar } from './ProgressBar';

interface Props {
  downloadable: number;
  batch?: BatchView;
  onDownloadAll(): void;
  /** Absent where cancelling is not offered (the Seller Central panel). */
  onCancel?: (batchId: string) => void;
}

/** "Download all N shown", then one bar for the batch with a way to stop it. */
export function BulkBar({ downloadable, batch, onDownloadAll, onCancel }: Props) {
  const running = batch && liveJobCount(batch.counts) > 0;
  return (
    <div class="bulk">
      {running ? (
        <>
          <ProgressBar done={batch.counts.done} total={batch.total} />
          {onCancel && (
            <button type="button" class="secondary" onClick={() => onCancel(batch.batchId)}>
              {t('cancel')}
            </button>
          )}
        </>
      ) : (
        <button type="button" class="primary wide" disabled={downloadable === 0} onClick={onDownloadAll}>
          {downloadable === 0 ? t('nothingToDownload') : t('downloadAllShown', downloadable)}
        </button>
      )}
    </div>
  );
}
