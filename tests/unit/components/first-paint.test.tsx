import { waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  forgetFirstPaint,
  keepFirstPaint,
  keepFirstPaintOf,
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
  context = { store, build: '/chunks/popup-A.js', language: 'en' };
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

  it('keeps a screenful of rows, not the whole list', () => {
    keepFirstPaint(listView(Array.from({ length: 40 }, (_, i) => `R-${i + 1}`)), context);
    showFirstPaint(holder, context);
    expect(rowIds(holder)).toEqual(Array.from({ length: 12 }, (_, i) => `R-${i + 1}`));
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

  it('is forgotten on request (an account changed)', () => {
    keepFirstPaint(listView(['R-1']), context);
    forgetFirstPaint(store);
    expect(showFirstPaint(holder, context)).toBe(false);
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
