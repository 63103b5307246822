import { describe, expect, it } from 'vitest';
import { inlineStyles, inlineStylesheets, noPreloadsIn } from '@/scripts/build/first-paint-page';

const PAGE = `<head><script src="/popup-first-paint.js"></script>
<link rel="modulepreload" crossorigin href="/chunks/a.js">
<link rel="stylesheet" crossorigin href="/assets/hooks-1.css">
</head><body></body>`;

describe('first-paint page build', () => {
  it('writes each linked stylesheet of the bundle into the page, its link kept disabled, and leaves the rest', () => {
    const bundle = {
      'assets/hooks-1.css': { type: 'asset' as const, source: new TextEncoder().encode('a{color:red}') },
    };
    const html = inlineStylesheets(PAGE, bundle);
    expect(html).toBe(
      PAGE.replace(
        '<link rel="stylesheet" crossorigin href="/assets/hooks-1.css">',
        '<style>a{color:red}</style><link rel="stylesheet" href="/assets/hooks-1.css" disabled>',
      ),
    );
  });

  it('fails the build when a linked stylesheet is missing or would end the style element early', () => {
    expect(() => inlineStylesheets(PAGE, {})).toThrow(/assets\/hooks-1\.css is not in the bundle/);
    const closing = { 'assets/hooks-1.css': { type: 'asset' as const, source: 'a{content:"</style>"}' } };
    expect(() => inlineStylesheets(PAGE, closing)).toThrow(/cannot be inlined/);
  });

  it('changes only the named pages of a bundle', () => {
    const bundle: Record<string, { type: 'asset'; source: string }> = {
      'entrypoints/popup/index.html': { type: 'asset', source: PAGE },
      'entrypoints/options/index.html': { type: 'asset', source: PAGE },
      'assets/hooks-1.css': { type: 'asset', source: 'b{}' },
    };
    const plugin = inlineStyles(['entrypoints/popup/index.html']);
    (plugin.generateBundle as (options: unknown, bundle: unknown) => void)({}, bundle);
    expect(bundle['entrypoints/popup/index.html']?.source).toContain('<style>b{}</style>');
    expect(bundle['entrypoints/options/index.html']?.source).toBe(PAGE);
  });

  it('drops the preload links of the named pages only, and keeps what dynamic imports preload', () => {
    const resolve = noPreloadsIn(['entrypoints/popup/index.html']);
    const deps = ['chunks/hooks.js', 'chunks/storage.js'];
    expect(resolve('popup.js', deps, { hostId: '/repo/entrypoints/popup/index.html', hostType: 'html' })).toEqual([]);
    expect(resolve('options.js', deps, { hostId: '/repo/entrypoints/options/index.html', hostType: 'html' })).toEqual(
      deps,
    );
    expect(resolve('mount.js', deps, { hostId: '/repo/entrypoints/popup/main.ts', hostType: 'js' })).toEqual(deps);
  });
});
