import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { t, uiLanguage } from '@/utils/i18n';
import { CourierIcon } from './CourierIcon';
import { SettingsLink } from './SettingsLink';

interface Props {
  settingsUrl: string;
  /** Rendered on first open and kept afterwards (hidden when closed), so running downloads stay visible. */
  children: ComponentChildren;
}

/** A small launcher in the corner that discloses a panel above itself; Escape or × closes it, focus goes back. */
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

  // The launcher comes first in the DOM (the CSS shows the panel above it), so Tab goes from it into the panel.
  // Its language is the extension's, whatever the Seller Central page declares.
  return (
    <div class="rc-corner" lang={uiLanguage()}>
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
      {opened && (
        <section
          id="rc-panel"
          class="rc-panel"
          aria-labelledby="rc-panel-title"
          hidden={!open}
          onKeyDown={(e) => {
            if (e.key === 'Escape') close();
          }}
        >
          <header class="rc-head">
            <CourierIcon />
            <h2 id="rc-panel-title">{t('panelHeading')}</h2>
            <SettingsLink href={settingsUrl} label={t('openSettings')} />
            <button type="button" class="rc-close" aria-label={t('panelClose')} onClick={close}>
              ×
            </button>
          </header>
          <div class="rc-body">{children}</div>
        </section>
      )}
    </div>
  );
}
