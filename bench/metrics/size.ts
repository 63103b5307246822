/**
 * What each view costs to load: the gzip -9 size of every JS file it can load (the page's scripts, the chunks they
 * import, statically or later with `import()`, shared ones included: for the options page, every section), and the
 * Seller Central content script. The options page loads one section at a time, so one figure more: what a direct
 * link to its Settlements section loads before the live list paints (the page's scripts, the page itself and the
 * section's chunk, which its first module imports at once, each with its static imports).
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { extensionDir } from '../../tests/e2e/harness';
import { loadedModules, pageScripts, staticImports } from '../../tests/e2e/support/page-scripts';
import { ensureBuilt } from '../lib/build';
import { measured, type Metric } from '../lib/metric';

const gzipKb = (file: string) => gzipSync(fs.readFileSync(path.join(extensionDir, file)), { level: 9 }).length / 1024;

function pageKb(page: string): number {
  const scripts = pageScripts(fs.readFileSync(path.join(extensionDir, page), 'utf8'));
  if (scripts.length === 0) throw new Error(`${page} loads no scripts`);
  const files = [...new Set(scripts.flatMap((script) => loadedModules(extensionDir, script)))];
  return files.reduce((sum, file) => sum + gzipKb(file), 0);
}

function sectionKb(page: string, sectionChunk: RegExp): number {
  const chunk = fs.readdirSync(path.join(extensionDir, 'chunks')).find((name) => sectionChunk.test(name));
  if (!chunk) throw new Error(`no chunk matches ${sectionChunk}`);
  const pageFiles = pageScripts(fs.readFileSync(path.join(extensionDir, page), 'utf8'));
  // The page's own code (entrypoints/options/mount.tsx) comes in with import() beside the section's.
  const mount = pageFiles.flatMap((script) => loadedModules(extensionDir, script)).filter((f) => /\/mount-/.test(f));
  if (mount.length !== 1) throw new Error(`${page} should load one mount chunk, not ${mount.length}`);
  const scripts = [...pageFiles, ...mount, `chunks/${chunk}`];
  const files = [...new Set(scripts.flatMap((script) => staticImports(extensionDir, script)))];
  return files.reduce((sum, file) => sum + gzipKb(file), 0);
}

export async function sizeMetrics(): Promise<Metric[]> {
  ensureBuilt();
  const kb = (metric: string, value: number) => measured(metric, 'kB', [value], 2);
  return [
    kb('size.popup_js_gz_kb', pageKb('popup.html')),
    kb('size.options_js_gz_kb', pageKb('options.html')),
    kb('size.options_settlements_js_gz_kb', sectionKb('options.html', /^SettlementsSection-[\w-]+\.js$/)),
    kb('size.content_js_gz_kb', gzipKb('content-scripts/sellercentral.js')),
  ];
}
