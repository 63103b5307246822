/**
 * The floor under a first-row figure: a copy of the page, in the profile's copy of the build, with the view's kept
 * screen written into its HTML and every script taken out. Opened the same way as the page and alternately with it,
 * it shows what the browser alone needs on this machine to put that screen up; no code the page runs can beat it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { ExtensionSession } from '../../tests/e2e/harness';

const HOLDER = '<div id="first-paint" inert="" aria-hidden="true"></div>';

/** Writes `<page>-static.html` beside `page` from the screen kept under `keptKey`; `from` is a page of the extension. */
export async function writeStaticCopy(
  session: ExtensionSession,
  from: Page,
  page: string,
  keptKey: string,
): Promise<string> {
  const kept = await from.evaluate(
    (key) => (JSON.parse(localStorage.getItem(key) ?? 'null') as { html?: string } | null)?.html,
    keptKey,
  );
  if (!kept) throw new Error(`static page: nothing kept under ${keptKey} to write into ${page}`);
  const dir = path.join(session.userDataDir, 'extension');
  const source = fs.readFileSync(path.join(dir, page), 'utf8');
  if (!source.includes(HOLDER)) throw new Error(`static page: ${page} has no empty kept-screen holder`);
  const html = source
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
    .replace(/<link rel="modulepreload"[^>]*>/g, '')
    // A function, so that a `$` in the kept text (a price) is not read as a replacement pattern.
    .replace(HOLDER, () => HOLDER.replace('></div>', `>${kept}</div>`));
  const name = page.replace(/\.html$/, '-static.html');
  fs.writeFileSync(path.join(dir, name), html);
  return name;
}
