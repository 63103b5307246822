import { t } from '@/utils/i18n';

interface Props {
  done: number;
  total: number;
}

/** One bar for a whole batch; the text is what screen readers announce. */
export function ProgressBar({ done, total }: Props) {
  const text = t('bulkProgress', [done, total]);
  return (
    <div class="progress">
      <div
        class="progress-track"
        role="progressbar"
        aria-label={t('bulkProgressLabel')}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={text}
      >
        <div class="progress-fill" style={{ width: `${total ? (100 * done) / total : 0}%` }} />
      </div>
      <span class="progress-text" aria-hidden="true">
        {text}
      </span>
    </div>
  );
}
