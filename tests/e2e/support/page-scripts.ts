import fs from 'node:fs';
import path from 'node:path';

/** The JS files an HTML page of the build loads (its module script and the chunks it preloads), relative to the build. */
export function pageScripts(html: string): string[] {
  const refs = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/?([^"]+\.js)"/g)];
  return [...new Set(refs.map((m) => m[1]!))];
}

/** `entry` and every chunk it imports statically, transitively, relative to the build. */
export function staticImports(buildDir: string, entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = fs.readFileSync(path.join(buildDir, file), 'utf8');
    for (const m of code.matchAll(/(?:import|export)\s*(?:[^'"`()]*?\sfrom\s*)?["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g)) {
      visit(path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1]!)));
    }
  };
  visit(entry);
  return [...seen];
}
