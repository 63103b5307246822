import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SECTIONS } from '../../entrypoints/options/sections';
import { extensionDir } from './harness';
import { loadedModules, pageScripts, staticImports } from './support/page-scripts';

/**
 * gzip -9 of each of the popup's JS files, summed, is about 39 kB today (36 files); the in-memory IndexedDB alone
 * would add about 15.
 */
const POPUP_BUDGET_KB = 45;

/** The popup's first module with its static imports: 1.3 kB today; 18 (13 files) when it imported the storage reads. */
const FIRST_MODULE_BUDGET_KB = 2;

const read = (file: string) => fs.readFileSync(path.join(extensionDir, file), 'utf8');
/** The page's module scripts and preloads: its scripts without the classic kept-screen script. */
const pageModules = (html: string) => pageScripts(html).filter((file) => !file.endsWith('-first-paint.js'));
const gzipKb = (files: string[]) =>
  files.reduce((sum, file) => sum + gzipSync(read(file), { level: 9 }).length / 1024, 0);

describe("the Chrome build's chunks", () => {
  it('keep the in-memory IndexedDB out of the popup: only the background imports it, on demand', () => {
    const background = read('background.js');
    const onDemand = [...background.matchAll(/import\(\s*[`'"]\.\/(chunks\/[^`'"]+\.js)[`'"]\s*\)/g)].map((m) => m[1]!);
    const inMemory = onDemand.filter((file) => read(file).includes('IDBFactory'));
    expect(inMemory).toHaveLength(1);
    expect(staticImports(extensionDir, 'background.js')).not.toContain(inMemory[0]);

    // Everything the popup can run, the views it loads after its first paint included.
    const popup = [...new Set(pageScripts(read('popup.html')).flatMap((file) => loadedModules(extensionDir, file)))];
    expect(popup.length).toBeGreaterThan(1);
    expect(popup).not.toContain(inMemory[0]);
    for (const file of popup) expect(read(file), file).not.toContain('IDBFactory');
    expect(gzipKb(popup)).toBeLessThan(POPUP_BUDGET_KB);
  });
});

describe("the Chrome build's popup page", () => {
  it('fetches the kept-screen script first, deferred, with its styles written in and no stylesheet or module preloaded', () => {
    const html = read('popup.html');
    const head = html.slice(html.indexOf('<head>'), html.indexOf('</head>'));
    const fetched = [...head.matchAll(/<(script|link)\b[^>]*>/g)].map((m) => m[0]);
    expect(fetched[0]).toMatch(/<script src="\/popup-first-paint\.js" defer\b/);
    const fetchedOnLoad = fetched.filter(
      (tag) => /rel="(stylesheet|modulepreload)"/.test(tag) && !/ disabled\b/.test(tag),
    );
    expect(fetchedOnLoad).toEqual([]);
    // Nothing to fetch and compile beside the page before the kept screen is in: the loader and no more.
    const [main] = pageModules(html);
    expect(gzipKb(staticImports(extensionDir, main!))).toBeLessThan(FIRST_MODULE_BUDGET_KB);
    // Written in, its link kept disabled: never fetched, and the module loader sees the styles as there.
    expect(head).toMatch(
      /<style>[^<]*\.report\{[^<]*<\/style><link rel="stylesheet" href="\/assets\/[\w-]+\.css" disabled>/,
    );
  });
});

describe("the Chrome build's options page", () => {
  it('fetches the kept-list script first, deferred, with its styles written in; its first module loads each section and the page with import()', () => {
    const html = read('options.html');
    const head = html.slice(html.indexOf('<head>'), html.indexOf('</head>'));
    const fetched = [...head.matchAll(/<(script|link)\b[^>]*>/g)].map((m) => m[0]);
    expect(fetched[0]).toMatch(/<script src="\/options-first-paint\.js" defer\b/);
    expect(fetched.filter((tag) => /rel="stylesheet"/.test(tag) && !/ disabled\b/.test(tag))).toEqual([]);
    // One stylesheet, in cascade order: the shared styles first, then the page's own and its sections'.
    expect(head).toMatch(
      /<style>:host,:root\{[^<]*\.options\{[^<]*\.ledger-chart[^<]*<\/style><link rel="stylesheet" href="\/assets\/[\w-]+\.css" disabled>/,
    );
    const [main, ...others] = pageModules(html);
    // The module and what it preloads are its own static imports, and none of them is view code.
    const firstLoad = staticImports(extensionDir, main!);
    expect(others.sort()).toEqual(firstLoad.filter((file) => file !== main).sort());
    for (const file of firstLoad) expect(file).not.toMatch(/Section-|mount-/);
    const loaded = loadedModules(extensionDir, main!);
    expect(loaded.filter((file) => /\/\w+Section-/.test(file))).toHaveLength(SECTIONS.length);
    expect(loaded.some((file) => /\/mount-/.test(file))).toBe(true);
  });
});
