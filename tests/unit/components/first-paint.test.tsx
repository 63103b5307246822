import { waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  forgetFirstPaint,
  keepFirstPaint,
  keepFirstPaintOf,
  POPUP_SCREEN,
  SETTLEMENTS_SCREEN,
  showFirstPaint,
  type FirstPaintContext,
} from '@/utils/views/first-paint';

/** A Storage over a Map, so a test can also make it refuse writes as a full disk would. */
function memoryStore() {
  const items = new Map<string, string>();
  let full = false;
  return {
    items,
    fill: () => (full = true),
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => {
      if (full) throw new DOMException('simulated full disk', 'QuotaExceededError');
      items.set(key, value);
    },
    removeItem: (key: string) => void items.delete(key),
  };
}

function listView(rows: string[]): HTMLElement {
  const view = document.createElement('main');
  const list = document.createElement('ul');
  for (const id of rows) {
    const row = document.createElement('li');
    row.className = 'report';
    row.dataset.reportId = id;
    row.textContent = id;
    list.append(row);
  }
  view.append(list);
  return view;
}

const rowIds = (holder: Element) => [...holder.querySelectorAll('li.report')].map((row) => row.textContent);

let store: ReturnType<typeof memoryStore>;
let context: FirstPaintContext;
let holder: HTMLElement;

beforeEach(() => {
  store = memoryStore();
  context = { screen: POPUP_SCREEN, store, build: '/chunks/popup-A.js', language: 'en' };
  holder = document.createElement('div');
});

describe("the popup's kept screen", () => {
  it('shows what the live view last showed, on the next opening of the same build and language', () => {
    keepFirstPaint(listView(['R-1', 'R-2']), context);
    expect(showFirstPaint(holder, context)).toBe(true);
    expect(rowIds(holder)).toEqual(['R-1', 'R-2']);
  });

  it('shows nothing made by another build, in another language, or damaged', () => {
    keepFirstPaint(listView(['R-1']), context);
    expect(showFirstPaint(holder, { ...context, build: '/chunks/popup-B.js' })).toBe(false);
    expect(showFirstPaint(holder, { ...context, language: 'de' })).toBe(false);
    store.items.set('popup-first-paint', '{"build":"/chunks/popup-A.js","language":"en"');
    expect(showFirstPaint(holder, context)).toBe(false);
    store.items.set('popup-first-paint', JSON.stringify({ build: '/chunks/popup-A.js', language: 'en', html: 7 }));
    expect(showFirstPaint(holder, context)).toBe(false);
    expect(holder.childElementCount).toBe(0);
  });

  it('keeps at most a screenful of rows, not the whole list', () => {
    keepFirstPaint(listView(Array.from({ length: 40 }, (_, i) => `R-${i + 1}`)), context);
    showFirstPaint(holder, context);
    expect(rowIds(holder)).toEqual(Array.from({ length: 12 }, (_, i) => `R-${i + 1}`));
  });

  it('keeps the rows that begin within the window, measured as the page lies, scrolled or not', () => {
    const view = listView(Array.from({ length: 40 }, (_, i) => `R-${i + 1}`));
    // Rows 90 px apart from 30 px down the page; the window is 600 px high and scrolled 200 px down.
    view.querySelectorAll('li').forEach((row, index) => {
      row.getBoundingClientRect = () => new DOMRect(0, 30 + index * 90 - 200, 400, 90);
    });
    vi.stubGlobal('innerHeight', 600);
    vi.stubGlobal('scrollY', 200);
    try {
      keepFirstPaint(view, context);
    } finally {
      vi.unstubAllGlobals();
    }
    showFirstPaint(holder, context);
    // Rows at 30, 120, … 570 begin above 600; the seventh, at 570, is the last.
    expect(rowIds(holder)).toEqual(Array.from({ length: 7 }, (_, i) => `R-${i + 1}`));
  });

  it('brings back report text as text, never as markup', () => {
    keepFirstPaint(listView(['<img src=x onerror="globalThis.ran=1">']), context);
    showFirstPaint(holder, context);
    expect(holder.querySelector('img')).toBeNull();
    expect(rowIds(holder)).toEqual(['<img src=x onerror="globalThis.ran=1">']);
  });

  it('costs only the head start when storage refuses the write, and leaves no stale screen behind', () => {
    keepFirstPaint(listView(['R-OLD']), context);
    store.fill();
    expect(() => keepFirstPaint(listView(['R-NEW']), context)).not.toThrow();
    expect(showFirstPaint(holder, context)).toBe(false);
  });

  it('is forgotten on request (an account changed), with the Settlements list kept beside it', () => {
    const settlements = { ...context, screen: SETTLEMENTS_SCREEN };
    keepFirstPaint(listView(['R-1']), context);
    keepFirstPaint(settlementsView(['S-1']), settlements);
    forgetFirstPaint(store);
    expect(showFirstPaint(holder, context)).toBe(false);
    expect(showFirstPaint(holder, settlements)).toBe(false);
  });

  it('gives way to the live view when it shows its rows, then keeps what the live view shows', async () => {
    keepFirstPaint(listView(['R-OLD']), context);
    showFirstPaint(holder, context);
    const view = listView(['R-1']);
    const kept = keepFirstPaintOf(view, holder, context);

    kept.takeOver();
    expect(holder.childElementCount).toBe(0);
    await waitFor(() => expect(JSON.parse(store.getItem('popup-first-paint')!).html).toContain('R-1'));

    view.querySelector('ul')!.prepend(listView(['R-0']).querySelector('li')!);
    await waitFor(() => expect(JSON.parse(store.getItem('popup-first-paint')!).html).toContain('R-0'));
    showFirstPaint(holder, context);
    expect(rowIds(holder)).toEqual(['R-0', 'R-1']);
  });
});

/** The options page as its Settlements section shows it: a notice, the list, charts and search results. */
function settlementsView(rows: string[], section = 'settlements'): HTMLElement {
  const view = document.createElement('div');
  view.innerHTML = `<nav><a href="#settlements">Settlements</a></nav>
    <main class="section" id="section-${section}"><div class="ledger">
      <div class="notice">2 imported</div>
      <table class="data ledger-list"><tbody></tbody></table>
      <section class="ledger-charts"><figure>chart</figure></section>
      <section class="ledger-search"><input type="search" /><div role="status"><p>1 match</p></div></section>
    </div></main>`;
  const body = view.querySelector('tbody')!;
  for (const id of rows) body.insertRow().insertCell().textContent = id;
  return view;
}

describe("the Settlements list's kept screen", () => {
  const settlements = () => ({ ...context, screen: SETTLEMENTS_SCREEN });
  const cells = (element: Element) => [...element.querySelectorAll('tbody td')].map((cell) => cell.textContent);

  it('keeps the first 25 rows without the passing notice, the charts and the search results', () => {
    keepFirstPaint(settlementsView(Array.from({ length: 365 }, (_, i) => `S-${i + 1}`)), settlements());
    expect(showFirstPaint(holder, settlements())).toBe(true);
    expect(cells(holder)).toEqual(Array.from({ length: 25 }, (_, i) => `S-${i + 1}`));
    expect(holder.querySelector('.notice, .ledger-charts, .ledger-search [role="status"]')).toBeNull();
    expect(holder.querySelector('.ledger-search input')).not.toBeNull();
    // The live page under it has the same ids.
    expect(holder.querySelector('main.section')).not.toBeNull();
    expect(holder.querySelector('[id]')).toBeNull();
  });

  it('keeps nothing while the page shows another section or no list, and leaves the last list kept', () => {
    keepFirstPaint(settlementsView(['S-1']), settlements());
    keepFirstPaint(settlementsView(['A-1'], 'accounts'), settlements());
    const detail = settlementsView([]);
    detail.querySelector('table')!.remove();
    keepFirstPaint(detail, settlements());
    showFirstPaint(holder, settlements());
    expect(cells(holder)).toEqual(['S-1']);
  });

  it("is the popup's to show only under its own name", () => {
    keepFirstPaint(settlementsView(['S-1']), settlements());
    expect(showFirstPaint(holder, context)).toBe(false);
    expect(showFirstPaint(holder, settlements())).toBe(true);
  });
});
