/**
 * The popup's last settled screen, painted again the moment the popup opens, before its code has loaded: a copy
 * of the markup the live view rendered, kept in the extension's localStorage (a synchronous read; web pages and
 * content scripts cannot reach it). It is inert and hidden from assistive technology, and the live view replaces it
 * in the same frame as its own first rows, read from the report cache.
 */

const KEY = 'popup-first-paint';
/** More rows than a 600-pixel popup shows. */
const KEPT_ROWS = 12;

export interface FirstPaintContext {
  store: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  /** The popup's hashed script name: markup from another build of the views is never shown. */
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
  // Parsed in a document of its own, where nothing runs, then moved in as nodes.
  holder.replaceChildren(...new DOMParser().parseFromString(saved.html, 'text/html').body.childNodes);
  return true;
}

/** Keeps `view`'s markup for the next opening. Storage that refuses (full, disabled) only costs the head start. */
export function keepFirstPaint(view: Element, context: FirstPaintContext): void {
  const copy = view.cloneNode(true) as Element;
  // A screenful is all the first paint shows; a long list would only make it slower to parse and lay out.
  copy.querySelectorAll(`li.report:nth-of-type(n + ${KEPT_ROWS + 1})`).forEach((row) => row.remove());
  const saved: Saved = { build: context.build, language: context.language, html: copy.innerHTML };
  try {
    context.store.setItem(KEY, JSON.stringify(saved));
  } catch {
    forgetFirstPaint(context.store);
  }
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

/** After an account changes, so the next opening shows no list of an account that is gone. */
export function forgetFirstPaint(store: Pick<Storage, 'removeItem'> = pageStorage()): void {
  try {
    store.removeItem(KEY);
  } catch {
    // Nothing kept, nothing to forget.
  }
}

function read({ store }: FirstPaintContext): Saved | undefined {
  try {
    const saved = JSON.parse(store.getItem(KEY) ?? 'null') as Partial<Saved> | null;
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

/** This page's build and language, for the popup's two scripts to agree on. */
export function firstPaintContext(doc: Document, language: string): FirstPaintContext {
  const script = doc.querySelector<HTMLScriptElement>('script[type="module"][src]');
  return { store: pageStorage(), build: script ? new URL(script.src).pathname : '', language };
}

/** A browser that keeps no site data may refuse localStorage outright: then nothing is kept. */
function pageStorage(): FirstPaintContext['store'] {
  try {
    return globalThis.localStorage ?? NOWHERE;
  } catch {
    return NOWHERE;
  }
}
