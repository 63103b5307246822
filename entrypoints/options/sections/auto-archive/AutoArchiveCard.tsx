import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Notice } from '@/components/Notice';
import { useRequest } from '@/components/hooks/useRequest';
import { sendMessage } from '@/utils/messaging/client';
import { t } from '@/utils/i18n';
import type { AccountView, AutoArchiveSettings, AutoArchiveView } from '@/utils/messaging/protocol';
import { errorText } from '@/utils/views/error-text';
import { sameSettings, settingsProblem } from './auto-archive-form';
import { AutoArchivePanel } from './AutoArchivePanel';

function settingsOf(view: AutoArchiveView): AutoArchiveSettings {
  return { enabled: view.enabled, reportTypes: view.reportTypes, intervalHours: view.intervalHours };
}

/** Loads and saves one account's auto-archive, and asks for the notifications permission when it is turned on. */
export function AutoArchiveCard({ account }: { account: AccountView }) {
  const [view, setView] = useState<AutoArchiveView>();
  const [draft, setDraft] = useState<AutoArchiveSettings>();
  const { busy, error, run, fail } = useRequest();
  const [problem, setProblem] = useState<string>();
  const [notificationsAllowed, setNotificationsAllowed] = useState<boolean>();

  const show = (next: AutoArchiveView) => {
    setView(next);
    setDraft(settingsOf(next));
  };
  useEffect(() => {
    sendMessage('getAutoArchive', { accountId: account.id }).then(show).catch(fail);
    browser.permissions
      .contains({ permissions: ['notifications'] })
      .then(setNotificationsAllowed)
      .catch(() => setNotificationsAllowed(false));
  }, [account.id, fail]);

  /** `before` is what to show again if the background refuses (the switch moves at once, before the answer). */
  const save = (settings: AutoArchiveSettings, before?: AutoArchiveView) => {
    const key = settingsProblem(settings);
    setProblem(key && t(key));
    if (key) return;
    void run(async () => {
      try {
        show(await sendMessage('setAutoArchive', { accountId: account.id, settings }));
      } catch (refused) {
        if (before) setView(before);
        throw refused;
      }
    });
  };

  /** The switch stays enabled while saving, so keyboard focus stays on it; a second toggle meanwhile is ignored. */
  const toggle = (enabled: boolean) => {
    if (!view || !draft || busy) return;
    const settings = { ...draft, enabled };
    // Asked right here, inside the click: browsers show permission prompts only for a user gesture. Archiving
    // does not wait for the answer; refusing only means no notifications.
    if (enabled && !settingsProblem(settings) && !notificationsAllowed) {
      setNotificationsAllowed(undefined);
      browser.permissions
        .request({ permissions: ['notifications'] })
        .then(setNotificationsAllowed)
        .catch(() => setNotificationsAllowed(false));
    }
    if (settingsProblem(settings)) return save(settings);
    setView({ ...view, enabled });
    save(settings, view);
  };

  if (error && !view)
    return (
      <Notice tone="error" title={t('autoArchiveLoadFailed', account.label)}>
        {errorText(error)}
      </Notice>
    );
  if (!view || !draft)
    return (
      <p class="hint" role="status">
        {t('loading')}
      </p>
    );
  return (
    <div>
      {error && (
        <Notice tone="error" title={t('autoArchiveSaveFailed')}>
          {errorText(error)}
        </Notice>
      )}
      <AutoArchivePanel
        account={account}
        view={view}
        draft={draft}
        onDraft={setDraft}
        onToggle={toggle}
        onSave={() => save({ ...draft, enabled: view.enabled })}
        dirty={!sameSettings(draft, settingsOf(view))}
        busy={busy}
        problem={problem}
        notificationsAllowed={notificationsAllowed}
      />
    </div>
  );
}
