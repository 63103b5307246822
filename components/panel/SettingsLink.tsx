import { t } from '@/utils/i18n';

/** A plain link: the content script has no message for opening the settings, and needs none. */
export function SettingsLink({ href, label }: { href: string; label: string }) {
  return (
    <a class="rc-settings" href={href} target="_blank" rel="noopener noreferrer">
      {label}
      <span class="visually-hidden"> {t('panelNewTab')}</span>
    </a>
  );
}
