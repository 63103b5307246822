import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SECTIONS } from '../../entrypoints/options/sections';
import { extensionDir } from './harness';
import { loadedModules, pageScripts, staticImports } from './support/page-scripts';

/** gzip -9 of the popup's JS today is about 21 kB; the in-memory IndexedDB alone would add about 15. */
const POPUP_BUDGET_KB = 30;

const read = (file: string) => fs.readFileSync(path.join(extensionDir, file), 'utf8');

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
    const kb = popup.reduce((sum, file) => sum + gzipSync(read(file), { level: 9 }).length / 1024, 0);
    expect(kb).toBeLessThan(POPUP_BUDGET_KB);
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
    // Written in, its link kept disabled: never fetched, and the module loader sees the styles as there.
    expect(head).toMatch(
      /<style>[^<]*\.report\{[^<]*<\/style><link rel="stylesheet" href="\/assets\/[\w-]+\.css" disabled>/,
    );
  });
});

describe("the Chrome build's options page", () => {
  it('preloads its own modules and, from a script last in its head, only the section its address names', () => {
    const html = read('options.html');
    const head = html.slice(html.indexOf('<head>'), html.indexOf('</head>'));
    const fetched = [...head.matchAll(/<(script|link)\b[^>]*>/g)].map((m) => m[0]);
    expect(fetched.at(-1)).toMatch(/<script src="\/options-sections\.js"/);
    // Linked, not written in: the section loader fetches again a stylesheet of its chunks it finds no link to.
    expect(head).toMatch(/rel="stylesheet"/);
    const scripts = pageScripts(html).filter((file) => file !== 'options-sections.js');
    const firstLoad = [...new Set(scripts.flatMap((file) => staticImports(extensionDir, file)))];
    for (const file of firstLoad) expect(file).not.toMatch(/Section-/);
    // Each section comes in with import() when shown, and the script knows each one's files by its address.
    const sections = loadedModules(extensionDir, scripts[0]!).filter((file) => /\/\w+Section-/.test(file));
    expect(sections).toHaveLength(9);
    const script = read('options-sections.js');
    const byAddress = JSON.parse(/const sections = (\{.*\});/.exec(script)![1]!) as Record<string, string[]>;
    expect(Object.keys(byAddress).sort()).toEqual(SECTIONS.map((section) => section.id).sort());
    expect(byAddress.settlements![0]).toMatch(/^chunks\/SettlementsSection-[\w-]+\.js$/);
    for (const files of Object.values(byAddress)) for (const file of files) expect(firstLoad).not.toContain(file);
  });
});
