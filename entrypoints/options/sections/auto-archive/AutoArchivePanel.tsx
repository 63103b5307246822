import { EnvironmentBadge } from '@/components/AccountPicker';
import { Notice } from '@/components/Notice';
import { t } from '@/utils/i18n';
import type { AccountView, AutoArchiveSettings, AutoArchiveView } from '@/utils/messaging/protocol';
import { formatDateTime, reportTypeName } from '@/utils/views/format';
import { errorText } from '@/utils/views/error-text';
import { CheckGroup } from '../../form/CheckGroup';
import { typesFor } from '@/utils/amazon-pay/report-types';
import { MAX_INTERVAL_HOURS, MIN_INTERVAL_HOURS } from './auto-archive-form';

interface Props {
  account: AccountView;
  view: AutoArchiveView;
  /** The settings as edited here; saved with "Save" (the switch saves at once). */
  draft: AutoArchiveSettings;
  onDraft(settings: AutoArchiveSettings): void;
  onToggle(enabled: boolean): void;
  onSave(): void;
  dirty: boolean;
  busy: boolean;
  problem?: string;
  /** Undefined while unknown. */
  notificationsAllowed?: boolean;
}

/** One account's auto-archive: the switch, what it archives and how often, and how it has been doing. */
export function AutoArchivePanel({
  account,
  view,
  draft,
  onDraft,
  onToggle,
  onSave,
  dirty,
  busy,
  problem,
  notificationsAllowed,
}: Props) {
  const switchId = `auto-archive-${account.id}`;
  return (
    <article class="card auto-archive" aria-label={account.label} data-account-id={account.id}>
      <h3>
        {account.label} <EnvironmentBadge account={account} />
      </h3>
      <label class="switch" for={switchId}>
        <input
          id={switchId}
          type="checkbox"
          role="switch"
          checked={view.enabled}
          aria-busy={busy}
          onChange={(e) => onToggle(e.currentTarget.checked)}
        />
        {t('autoArchiveSwitch')}
      </label>
      {view.enabled && notificationsAllowed === false && <p class="hint">{t('autoArchiveNoNotifications')}</p>}
      <dl class="facts">
        <dt>{t('autoArchiveLastRun')}</dt>
        <dd>{view.lastRun ? formatDateTime(view.lastRun) : t('autoArchiveNever')}</dd>
        <dt>{t('autoArchiveNextRun')}</dt>
        <dd>{view.enabled && view.nextRun ? formatDateTime(view.nextRun) : t('autoArchiveOff')}</dd>
        <dt>{t('autoArchiveLastResult')}</dt>
        <dd>{resultText(view)}</dd>
      </dl>
      {view.expiringUnarchived > 0 ? (
        <Notice tone="warning">
          {t('expiringSoon', view.expiringUnarchived)} <a href="#bulk">{t('autoArchiveGoBulk')}</a>
        </Notice>
      ) : (
        <p class="hint">{t('autoArchiveNothingExpiring')}</p>
      )}
      <div class="form auto-archive-settings">
        <CheckGroup
          legend={t('bulkTypes')}
          options={typesFor(account.environment).map((type) => ({ value: type, label: reportTypeName(type) }))}
          selected={draft.reportTypes}
          onChange={(reportTypes) => onDraft({ ...draft, reportTypes })}
        />
        <label class="field">
          {t('autoArchiveInterval')}
          <input
            type="number"
            min={MIN_INTERVAL_HOURS}
            max={MAX_INTERVAL_HOURS}
            step={1}
            value={draft.intervalHours}
            onInput={(e) => onDraft({ ...draft, intervalHours: e.currentTarget.valueAsNumber })}
          />
        </label>
        {problem && (
          <p class="invalid" role="alert">
            {problem}
          </p>
        )}
        <div>
          <button type="button" class="primary" disabled={busy || !dirty} onClick={onSave}>
            {t('autoArchiveSave')}
          </button>
        </div>
      </div>
    </article>
  );
}

function resultText(view: AutoArchiveView): string {
  const result = view.lastResult;
  if (!result) return t('autoArchiveNoResult');
  if (result.error) return t('autoArchiveResultError', errorText(result.error));
  return result.queued === 0 ? t('autoArchiveResultNothing') : t('autoArchiveResultQueued', result.queued);
}
