import { render } from 'preact';
import { uiLanguage } from '@/utils/i18n';
import { firstPaintContext, keepFirstPaintOf, POPUP_SCREEN } from '@/utils/views/first-paint';
import type { PopupStart } from '@/utils/views/popup-start';
import { App } from './App';

export function mount(start: Promise<PopupStart>): void {
  // Screen readers choose their voice, and the browser its line breaking, by the page language: the UI's.
  const language = uiLanguage();
  document.documentElement.lang = language;
  const app = document.getElementById('app')!;
  const context = firstPaintContext(document, language, POPUP_SCREEN);
  const kept = keepFirstPaintOf(app, document.getElementById('first-paint'), context);
  render(<App start={start} onShown={kept.takeOver} />, app);
}
