/**
 * The Settlements list's kept screen on the options page (entrypoints/options-first-paint.ts shows it): the live
 * page replaces it once it can show something of its own, and from then on keeps the list for the next opening.
 */
import { uiLanguage } from '@/utils/i18n';
import { firstPaintContext, keepFirstPaintOf, SETTLEMENTS_SCREEN } from '@/utils/views/first-paint';

let keeper: ReturnType<typeof keepFirstPaintOf> | undefined;

export function keepSettlementsList(app: Element): void {
  const context = firstPaintContext(document, uiLanguage(), SETTLEMENTS_SCREEN);
  keeper = keepFirstPaintOf(app, document.getElementById('first-paint'), context);
}

/**
 * The live page is ready to be seen: the list's first rows, its empty or failed state, another section, or a
 * section that could not load. Call it in the commit that renders that state, so both change in one frame.
 */
export function showLivePage(): void {
  keeper?.takeOver();
}
