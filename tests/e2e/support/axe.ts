import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { PanelDriver } from '../fixtures/sellercentral/closed-shadow';

/** axe-core run in the real page, every rule including colour contrast; and what keyboard focus shows. */
export const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const SCHEMES = ['light', 'dark'] as const;

export interface AxeOutcome {
  /** One line per violation: rule, what it asks, where (first targets) and why. */
  violations: string[];
  /** Elements whose colour contrast axe measured and found sufficient: proof it saw the text. */
  contrastPassed: number;
  /** Elements whose contrast axe could not decide (e.g. text over an image); listed, not failed. */
  contrastUndecided: string[];
}

export const AXE_OUTCOME = `(result) => ({
  violations: result.violations.map((v) => v.id + ': ' + v.help + ' — ' + v.nodes.slice(0, 4)
    .map((n) => n.target.join(' ') + (n.any[0] ? ' (' + n.any[0].message + ')' : '')).join('; ')),
  contrastPassed: result.passes.find((r) => r.id === 'color-contrast')?.nodes.length ?? 0,
  contrastUndecided: (result.incomplete.find((r) => r.id === 'color-contrast')?.nodes ?? []).map((n) => n.target.join(' ')),
})`;

export async function axeDocument(page: Page): Promise<string[]> {
  // Evaluated rather than added as a <script>: extension pages' CSP allows no inline script.
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axeSource);
  const outcome = await page.evaluate<AxeOutcome>(`axe.run(document).then(${AXE_OUTCOME})`);
  return checked(outcome);
}

/**
 * axe over the Seller Central panel. It lives in a closed shadow root that page scripts cannot reach: the driver
 * reaches it through DevTools and, in the page's own world, lends the host a `shadowRoot` getter that returns it, so
 * axe walks and measures the real panel where it is drawn. Nothing in the product is opened.
 */
export async function axePanel(page: Page, panel: PanelDriver): Promise<AxeOutcome> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axeSource);
  return (await panel.run<AxeOutcome>(`
    Object.defineProperty(root.host, 'shadowRoot', { configurable: true, get: () => root });
    return (${AXE_OUTCOME})(await axe.run(root.host));`))!;
}

/** The violations, once axe is seen to have measured text at all. */
export function checked(outcome: AxeOutcome): string[] {
  expect(outcome.contrastPassed).toBeGreaterThan(0);
  if (outcome.contrastUndecided.length > 0) console.info('color-contrast undecided:', outcome.contrastUndecided);
  return outcome.violations;
}

/** What has keyboard focus: its accessible-ish name, and whether a focus indicator is drawn. */
export interface Focus {
  tag: string;
  name: string;
  type: string;
  indicated: boolean;
}

export function focused(page: Page): Promise<Focus> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { tag: 'body', name: '', type: '', indicated: false };
    const label = (el as HTMLInputElement).labels?.[0]?.textContent ?? '';
    const style = getComputedStyle(el);
    return {
      tag: el.tagName.toLowerCase(),
      name: (el.getAttribute('aria-label') ?? (label || el.textContent) ?? '').trim(),
      type: el.getAttribute('type') ?? '',
      indicated: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
    };
  });
}

/**
 * Presses Tab (Shift+Tab with `backwards`) until focus is on what `matches` accepts; every stop on the way must show
 * where focus is.
 */
export async function tabTo(
  page: Page,
  matches: (f: Focus) => boolean,
  what: string,
  { limit = 60, backwards = false } = {},
): Promise<Focus> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const focus = await focused(page);
    expect(focus.indicated, `focus indicator on ${focus.tag} "${focus.name}"`).toBe(true);
    if (matches(focus)) return focus;
  }
  throw new Error(`Tab never reached ${what}`);
}
