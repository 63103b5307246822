import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { browserUiLanguage, firstPaintContext, POPUP_SCREEN, showFirstPaint } from '@/utils/views/first-paint';

/**
 * A deferred classic script first in the popup's head: it shows the kept screen before the page's modules run.
 * Deferred, because its fetch then overlaps the parsing of the page (its styles above all) instead of holding it
 * up; deferred scripts run in document order once the page is parsed, so it still runs before the modules.
 */
export default defineUnlistedScript(() => {
  const holder = document.getElementById('first-paint');
  const language = browserUiLanguage();
  if (holder && language) showFirstPaint(holder, firstPaintContext(document, language, POPUP_SCREEN));
});
