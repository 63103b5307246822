/**
 * Build steps for pages that must paint at once (the popup and the options page, docs/architecture.md): their
 * stylesheets go into the page as `<style>`, so the first paint waits for no stylesheet fetch (the extension's CSP
 * restricts scripts, not styles; the stylesheet file stays for the pages that link it), and a page can preload no
 * module: the first paint needs none, and each preload would be one more fetch beside the ones it does need.
 *
 * Each written-in stylesheet keeps its link, disabled: a disabled stylesheet is never fetched, and the module loader
 * (Vite's preload helper) takes a stylesheet linked in the page as loaded, so the views' `import()` neither fetches
 * the same styles again nor waits for them.
 */
import type { Plugin } from 'vite';

interface BundleAsset {
  type: 'asset';
  source: string | Uint8Array;
}
type Bundle = Record<string, BundleAsset | { type: 'chunk' }>;

const STYLESHEET_LINK = /<link rel="stylesheet"[^>]*? href="\/([^"]+\.css)"[^>]*>/g;

function text(source: string | Uint8Array): string {
  return typeof source === 'string' ? source : new TextDecoder().decode(source);
}

/** `html` with each linked stylesheet of the bundle written in; fails the build on one it cannot find. */
export function inlineStylesheets(html: string, bundle: Bundle): string {
  return html.replace(STYLESHEET_LINK, (_link, fileName: string) => {
    const asset = bundle[fileName];
    if (asset?.type !== 'asset') throw new Error(`inline-styles: ${fileName} is not in the bundle`);
    const css = text(asset.source);
    if (/<\/style/i.test(css)) throw new Error(`inline-styles: ${fileName} contains "</style" and cannot be inlined`);
    return `<style>${css}</style><link rel="stylesheet" href="/${fileName}" disabled>`;
  });
}

/** Vite plugin: inlines the stylesheets of the named HTML pages once the bundle (and its CSS) is written. */
export function inlineStyles(pages: readonly string[]): Plugin {
  return {
    name: 'report-courier:inline-styles',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const page of pages) {
        const asset = bundle[page];
        if (asset?.type === 'asset') asset.source = inlineStylesheets(text(asset.source), bundle as Bundle);
      }
    },
  };
}

type ResolveDependencies = (
  file: string,
  deps: string[],
  context: { hostId: string; hostType: 'html' | 'js' },
) => string[];

/** For Vite's `build.modulePreload.resolveDependencies`: no preload links in the named pages; dynamic imports keep theirs. */
export function noPreloadsIn(pages: readonly string[]): ResolveDependencies {
  return (_file, deps, { hostId, hostType }) =>
    hostType === 'html' && pages.some((page) => hostId.endsWith(page)) ? [] : deps;
}
