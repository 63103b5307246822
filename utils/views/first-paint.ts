/**
 * A view's last settled screen, painted again the moment its page opens, before the page's code has loaded: a copy
 * of the markup the live view rendered, kept in the extension's localStorage (a synchronous read; web pages and
 * content scripts cannot reach it). It is inert and hidden from assistive technology, and the live view replaces it
 * in the same frame as its own first rows. Two views keep one: the popup's report list and the options page's
 * Settlements list.
 */

/** A view whose screen is kept: where, which of its rows, and what of it is not worth a head start. */
export interface KeptScreen {
  key: string;
  /** The view's list rows: those the window shows are kept, at most `keptRows`. */
  rows: string;
  keptRows: number;
  /** Kept only while the view shows this (a page of several sections keeps one of them). */
  shows?: string;
  /** Parts of the view left out of the copy: passing notices and what the live view adds after its first frame. */
  leaveOut?: string;
}

/** The popup's report list: more rows than a 600-pixel popup shows. */
export const POPUP_SCREEN: KeptScreen = { key: 'popup-first-paint', rows: 'li.report', keptRows: 12 };

/**
 * The options page's Settlements list, as its live view's first frame shows it: a screenful of rows, without an
 * import's outcome, search results or the charts (they come a frame after the list).
 */
export const SETTLEMENTS_SCREEN: KeptScreen = {
  key: 'settlements-first-paint',
  rows: 'table.ledger-list tbody tr',
  keptRows: 25,
  shows: '#section-settlements table.ledger-list',
  leaveOut: '.ledger > .notice, .ledger-charts, .ledger-search [role="status"]',
};

const SCREENS = [POPUP_SCREEN, SETTLEMENTS_SCREEN];

export interface FirstPaintContext {
  screen: KeptScreen;
  store: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  /** The page's hashed module name: markup from another build of the views is never shown. */
  build: string;
  language: string;
}

interface Saved {
  build: string;
  language: string;
  html: string;
}

/** Fills `holder` with the kept screen when it was made by this build in this language; true when it did. */
export function showFirstPaint(holder: Element, context: FirstPaintContext): boolean {
  const saved = read(context);
  if (!saved || saved.build !== context.build || saved.language !== context.language) return false;
  // Parsed as a template's content, in an inert document where nothing runs or loads, then moved in. A fragment
  // costs less than the whole document DOMParser builds: side by side the kept list painted about 18 ms sooner.
  const template = holder.ownerDocument.createElement('template');
  template.innerHTML = saved.html;
  holder.replaceChildren(template.content);
  return true;
}

/** Keeps `view`'s markup for the next opening. Storage that refuses (full, disabled) only costs the head start. */
export function keepFirstPaint(view: Element, context: FirstPaintContext): void {
  const { screen } = context;
  if (screen.shows && !view.querySelector(screen.shows)) return;
  const copy = view.cloneNode(true) as Element;
  // What the window shows is all the first paint needs; every row below it only makes that paint slower.
  const kept = rowsOnScreen(view.querySelectorAll(screen.rows), screen.keptRows);
  const leftOut = [`${screen.rows}:nth-of-type(n + ${kept + 1})`, screen.leaveOut].filter(Boolean);
  copy.querySelectorAll(leftOut.join(', ')).forEach((part) => part.remove());
  // The live view renders the same ids under the kept screen; one document must not hold each twice.
  copy.querySelectorAll('[id]').forEach((element) => element.removeAttribute('id'));
  const saved: Saved = { build: context.build, language: context.language, html: copy.innerHTML };
  try {
    context.store.setItem(screen.key, JSON.stringify(saved));
  } catch {
    forget(context.store, screen);
  }
}

/**
 * How many of `rows` (at most `most`, at least one) begin within the window's height from the top of the page: the
 * rows the next opening shows before any scrolling. Rows with no layout (a hidden view) all count.
 */
function rowsOnScreen(rows: NodeListOf<Element>, most: number): number {
  let count = 0;
  for (const row of rows) {
    if (count === most || row.getBoundingClientRect().top + scrollY >= innerHeight) break;
    count++;
  }
  return Math.max(count, 1);
}

/** How long the live view's changes settle before they are kept; closing the popup keeps them at once. */
const KEEP_AFTER_MS = 250;

/**
 * Once the live view shows its first rows, `takeOver` clears the kept screen (the page then shows the live one, in
 * the same frame) and from then on keeps what the view shows for the next opening.
 */
export function keepFirstPaintOf(view: Element, holder: Element | null, context: FirstPaintContext) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const keep = () => {
    clearTimeout(timer);
    timer = undefined;
    keepFirstPaint(view, context);
  };
  const observer = new MutationObserver(() => (timer ??= setTimeout(keep, KEEP_AFTER_MS)));
  let taken = false;
  return {
    takeOver() {
      if (taken) return;
      taken = true;
      holder?.replaceChildren();
      // After this frame is painted, not before it.
      timer = setTimeout(keep, 0);
      // Rows coming and going, not every progress tick: a bulk download would otherwise copy the view four times a
      // second. Closing the popup keeps the last state anyway.
      observer.observe(view, { childList: true, subtree: true });
      addEventListener('pagehide', keep);
    },
  };
}

/** After an account changes, so the next opening shows no list of an account (or its settlements) that is gone. */
export function forgetFirstPaint(store: Pick<Storage, 'removeItem'> = pageStorage()): void {
  for (const screen of SCREENS) forget(store, screen);
}

function forget(store: Pick<Storage, 'removeItem'>, { key }: KeptScreen): void {
  try {
    store.removeItem(key);
  } catch {
    // Nothing kept, nothing to forget.
  }
}

function read({ store, screen }: FirstPaintContext): Saved | undefined {
  try {
    const saved = JSON.parse(store.getItem(screen.key) ?? 'null') as Partial<Saved> | null;
    const complete = saved && [saved.build, saved.language, saved.html].every((part) => typeof part === 'string');
    return complete ? (saved as Saved) : undefined;
  } catch {
    return undefined;
  }
}

const NOWHERE: FirstPaintContext['store'] = {
  getItem: () => null,
  setItem: () => undefined,
  removeItem: () => undefined,
};

/**
 * The browser's UI language as the kept-screen scripts read it: from the extension API itself, without the polyfill
 * the pages' modules use, so those classic scripts stay small. Undefined outside an extension page.
 */
export function browserUiLanguage(): string | undefined {
  return (globalThis as { chrome?: { i18n?: { getUILanguage(): string } } }).chrome?.i18n?.getUILanguage();
}

/** This page's build and language, for the page's two scripts (the kept screen's and its own) to agree on. */
export function firstPaintContext(doc: Document, language: string, screen: KeptScreen): FirstPaintContext {
  const script = doc.querySelector<HTMLScriptElement>('script[type="module"][src]');
  return { screen, store: pageStorage(), build: script ? new URL(script.src).pathname : '', language };
}

/** A browser that keeps no site data may refuse localStorage outright: then nothing is kept. */
function pageStorage(): FirstPaintContext['store'] {
  try {
    return globalThis.localStorage ?? NOWHERE;
  } catch {
    return NOWHERE;
  }
}
