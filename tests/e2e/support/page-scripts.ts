import fs from 'node:fs';
import path from 'node:path';

/** The JS files an HTML page of the build loads (its module script and the chunks it preloads), relative to the build. */
export function pageScripts(html: string): string[] {
  const refs = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/?([^"]+\.js)"/g)];
  return [...new Set(refs.map((m) => m[1]!))];
}

// Minified code writes `import{a as b}from"./x.js"`: no space needs to come before `from`.
const STATIC_IMPORT = /(?:import|export)\s*(?:[^'"`()]*?\bfrom\s*)?["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g;
const DYNAMIC_IMPORT = /import\(\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]\s*\)/g;

/** `entry` and every chunk it imports statically, transitively, relative to the build. */
export function staticImports(buildDir: string, entry: string): string[] {
  return reachable(buildDir, entry, [STATIC_IMPORT]);
}

/** `entry` and every chunk it loads, statically or with `import()`, transitively: all the code a page can run. */
export function loadedModules(buildDir: string, entry: string): string[] {
  return reachable(buildDir, entry, [STATIC_IMPORT, DYNAMIC_IMPORT]);
}

function reachable(buildDir: string, entry: string, patterns: RegExp[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = fs.readFileSync(path.join(buildDir, file), 'utf8');
    for (const pattern of patterns) {
      for (const m of code.matchAll(pattern))
        visit(path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1]!)));
    }
  };
  visit(entry);
  return [...seen];
}
