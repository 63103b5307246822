import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { browserUiLanguage, firstPaintContext, SETTLEMENTS_SCREEN, showFirstPaint } from '@/utils/views/first-paint';

/**
 * A deferred classic script first in the options page's head, as in the popup (entrypoints/popup-first-paint.ts):
 * opened at its Settlements list, the page shows the list as it was last seen before its modules run.
 */
export default defineUnlistedScript(() => {
  const language = browserUiLanguage();
  if (!language) return;
  // Screen readers choose their voice, and the browser its line breaking, by the page language: the UI's, from the
  // first paint on.
  document.documentElement.lang = language;
  const holder = document.getElementById('first-paint');
  if (location.hash !== '#settlements' || !holder) return;
  showFirstPaint(holder, firstPaintContext(document, language, SETTLEMENTS_SCREEN));
});
