/**
 * Build step for a page that loads one section at a time (the options page, docs/architecture.md): a small classic
 * script, last in the page's head, preloads the code of the section the address names (`#settlements`), so its
 * fetch starts while the page's own modules load instead of after they have run (the parser reaches it at once: the
 * head is short, and the browser's preload scanner has fetched it beside the page's modules). Each section is the chunk of a
 * `sections/<dir>/<Name>Section.tsx` the page imports with `import()`, named in the address by Name in kebab case
 * (AutoArchive → auto-archive); the first is shown when the address names none.
 */
import type { Plugin } from 'vite';

interface Chunk {
  type: 'chunk';
  fileName: string;
  facadeModuleId: string | null;
  imports: string[];
  dynamicImports: string[];
}
type Bundle = Record<string, Chunk | { type: 'asset'; source: string | Uint8Array }>;

const SECTION_MODULE = /\/sections\/[^/]+\/(\w+)Section\.tsx$/;
const MODULE_SCRIPT = /<script type="module"[^>]*? src="\/([^"]+\.js)"[^>]*><\/script>/;

const kebab = (name: string) => name.replace(/(?<=[a-z0-9])([A-Z])/g, '-$1').toLowerCase();

function staticClosure(bundle: Bundle, fileName: string, seen = new Set<string>()): Set<string> {
  const chunk = bundle[fileName];
  if (seen.has(fileName) || chunk?.type !== 'chunk') return seen;
  seen.add(fileName);
  for (const imported of chunk.imports) staticClosure(bundle, imported, seen);
  return seen;
}

/** Section id → the files its code needs beyond what `entry` loads, in the order a section's loader asks for them. */
export function sectionFiles(bundle: Bundle, entry: string): Record<string, string[]> {
  const entryChunk = bundle[entry];
  if (entryChunk?.type !== 'chunk') throw new Error(`section-preloads: ${entry} is not a chunk of the bundle`);
  const loaded = staticClosure(bundle, entry);
  const sections: Record<string, string[]> = {};
  for (const fileName of entryChunk.dynamicImports) {
    const name = SECTION_MODULE.exec((bundle[fileName] as Chunk).facadeModuleId ?? '')?.[1];
    if (name) sections[kebab(name)] = [...staticClosure(bundle, fileName)].filter((file) => !loaded.has(file));
  }
  return sections;
}

/** The classic script: preloads the named section's files, as module preloads the module loader will reuse. */
export function preloadScript(sections: Record<string, string[]>, first: string): string {
  return `(() => {
  const sections = ${JSON.stringify(sections)};
  const files = sections[location.hash.slice(1)] || sections[${JSON.stringify(first)}] || [];
  for (const file of files) {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.crossOrigin = '';
    link.href = '/' + file;
    document.head.append(link);
  }
})();
`;
}

/** Vite plugin: writes `script` for `page` and puts it last in the page's head; `first` is the default section. */
export function preloadSections(page: string, script: string, first: string): Plugin {
  return {
    name: 'report-courier:section-preloads',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, output) {
      const bundle = output as unknown as Bundle;
      const html = bundle[page];
      if (html?.type !== 'asset') return;
      const source = typeof html.source === 'string' ? html.source : new TextDecoder().decode(html.source);
      const entry = MODULE_SCRIPT.exec(source)?.[1];
      if (!entry) throw new Error(`section-preloads: ${page} has no module script`);
      const sections = sectionFiles(bundle, entry);
      if (!sections[first]) throw new Error(`section-preloads: ${page} imports no section "${first}"`);
      this.emitFile({ type: 'asset', fileName: script, source: preloadScript(sections, first) });
      html.source = source.replace('</head>', `  <script src="/${script}"></script>\n  </head>`);
    },
  };
}
