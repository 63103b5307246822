import { browser } from 'wxt/browser';
import { runAutoArchive } from '../archive/auto-archive';
import { t } from '../i18n';
import { errorText } from '../views/error-text';
import type { Services } from './services';

/** Runs auto-archive for an account and, if the merchant allowed notifications, says what came of it. */
export async function runAutoArchiveAndNotify(services: Services, accountId: string): Promise<void> {
  const account = await services.account(accountId).catch(() => undefined);
  if (!account) return;
  const { lastResult } = await runAutoArchive(services.archive, accountId);
  if (!lastResult || (lastResult.queued === 0 && !lastResult.error)) return;
  // `notifications` is optional: requested only when the merchant turns auto-archive on.
  if (!(await browser.permissions.contains({ permissions: ['notifications'] }))) return;
  const message = lastResult.error
    ? t('autoArchiveFailedNotice', [account.label, errorText(lastResult.error)])
    : t('autoArchiveQueuedNotice', [account.label, lastResult.queued]);
  await browser.notifications.create(`auto-archive-${accountId}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: t('appTitle'),
    message,
  });
}
