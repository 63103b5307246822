import axe from 'axe-core';
import { expect } from 'vitest';

/** axe-core over the rendered DOM; contrast needs real layout, so the e2e suite checks it in Chromium. */
export async function expectAccessible(container: Element): Promise<void> {
  const results = await axe.run(container, {
    rules: { 'color-contrast': { enabled: false }, region: { enabled: false } },
  });
  expect(
    results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
  ).toEqual([]);
}
