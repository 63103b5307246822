import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { firstPaintContext, showFirstPaint, whenParsed } from '@/utils/views/first-paint';

/** A classic script first in the popup's head: it shows the kept screen before the page's modules have loaded. */
export default defineUnlistedScript(() =>
  whenParsed(document, () => {
    const holder = document.getElementById('first-paint');
    const i18n = (globalThis as { chrome?: { i18n?: { getUILanguage(): string } } }).chrome?.i18n;
    if (holder && i18n) showFirstPaint(holder, firstPaintContext(document, i18n.getUILanguage()));
  }),
);
