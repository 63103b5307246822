import type { Page } from 'playwright-core';
import type { ExtensionSession } from '../harness';
import { waitForLivePopup } from './first-row';

/** The toolbar popup's size in Chromium (its page sets no larger one), so screenshots and layout match a user's. */
export const POPUP_VIEWPORT = { width: 400, height: 600 };

export interface OpenPopupOptions {
  /** Runs once the page exists, before the popup's document loads in it (init scripts, routes). */
  beforeLoad?(popup: Page): Promise<void>;
  /** Wait until the live view has replaced the kept screen (the default); false returns as soon as it has loaded. */
  live?: boolean;
}

/**
 * Opens the popup as its own page at the toolbar popup's size. Unless told otherwise, waits until the live view is
 * on screen, so rows and text a test reads are the live ones, not the kept screen's copy.
 */
export async function openPopup(session: ExtensionSession, options: OpenPopupOptions = {}): Promise<Page> {
  const popup = await session.context.newPage();
  await popup.setViewportSize(POPUP_VIEWPORT);
  await options.beforeLoad?.(popup);
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
  if (options.live ?? true) await waitForLivePopup(popup);
  return popup;
}
