import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { CourierIcon } from './CourierIcon';
import { SettingsLink } from './SettingsLink';

interface Props {
  settingsUrl: string;
  /** Rendered on first open and kept afterwards (hidden when closed), so running downloads stay visible. */
  children: ComponentChildren;
}

/** A small launcher in the corner; it opens a non-modal panel above itself. Escape closes it. */
export function PanelShell({ settingsUrl, children }: Props) {
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false);
  const launcher = useRef<HTMLButtonElement>(null);

  const toggle = () => {
    setOpened(true);
    setOpen(!open);
  };
  const close = () => {
    setOpen(false);
    launcher.current?.focus();
  };

  return (
    <div class="rc-corner">
      {opened && (
        <section
          id="rc-panel"
          class="rc-panel"
          role="dialog"
          aria-labelledby="rc-panel-title"
          hidden={!open}
          onKeyDown={(e) => { if (e.key === 'Escape') close(); }}
        >
          <header class="rc-head">
            <CourierIcon />
            <h2 id="rc-panel-title">{t('panelHeading')}</h2>
            <SettingsLink href={settingsUrl} label={t('openSettings')} />
            <button type="button" class="rc-close" aria-label={t('panelClose')} onClick={close}>×</button>
          </header>
          <div class="rc-body">{children}</div>
        </section>
      )}
      <button
        ref={launcher}
        type="button"
        class="rc-launcher"
        aria-expanded={open}
        aria-controls={opened ? 'rc-panel' : undefined}
        title={t('panelLauncher')}
        onClick={toggle}
      >
        <CourierIcon />
        <span class="visually-hidden">{t('panelLauncher')}</span>
      </button>
    </div>
  );
}
