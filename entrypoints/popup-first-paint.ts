import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { firstPaintContext, showFirstPaint } from '@/utils/views/first-paint';

/** A classic script at the end of the popup's body: it runs before the page's modules have loaded. */
export default defineUnlistedScript(() => {
  const holder = document.getElementById('first-paint');
  const i18n = (globalThis as { chrome?: { i18n?: { getUILanguage(): string } } }).chrome?.i18n;
  if (holder && i18n) showFirstPaint(holder, firstPaintContext(document, i18n.getUILanguage()));
});
