/**
 * The Amazon Pay order reference ids a Seller Central page shows: in its address (an order's detail page names
 * it in the query) and in its visible text. Charge and refund ids (`…-C034811`) count as their order. The panel
 * offers these, so it never needs a text field.
 */
const ORDER_ID_IN_TEXT = /\b[A-Z]\d{2}-\d{7}-\d{7}\b/g;
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT']);
/** A list page can name hundreds of orders; the panel offers the first few. */
export const MAX_PAGE_ORDER_IDS = 10;
/** Enough text for any order page, bounded so a huge page costs little. */
const MAX_TEXT = 500_000;

export function orderIdsOnPage(doc: Document, url: string, limit = MAX_PAGE_ORDER_IDS): string[] {
  const found = new Set<string>();
  const add = (text: string) => {
    for (const match of text.toUpperCase().matchAll(ORDER_ID_IN_TEXT)) {
      if (found.size >= limit) return;
      found.add(match[0]);
    }
  };
  try {
    for (const value of new URL(url).searchParams.values()) add(value);
  } catch {
    // Not a URL: only the page text counts.
  }
  if (!doc.body) return [...found];
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement && SKIPPED.has(node.parentElement.tagName)
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  let read = 0;
  for (let node = walker.nextNode(); node && read < MAX_TEXT && found.size < limit; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    read += text.length;
    add(text);
  }
  return [...found];
}
