import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, sourceFiles } from '@/scripts/locales';
import { visibleLiterals } from './visible-literals';

const components = sourceFiles(['components', 'entrypoints']).filter((file) => file.endsWith('.tsx'));

describe('no user-visible literal in components', () => {
  it('scans the popup, options and panel components', () => {
    expect(components.length).toBeGreaterThan(30);
  });

  it.each(components.map((file) => path.relative(root, file)))('%s', (file) => {
    expect(visibleLiterals(file, fs.readFileSync(path.join(root, file), 'utf8'))).toEqual([]);
  });
});

describe('visibleLiterals', () => {
  it('finds JSX text, literal children and visible attributes', () => {
    const code = `
      const A = () => (
        <div class="report-row" data-x="Hidden">
          Hello
          {'Literal child'}
          <button aria-label="Close dialog" title={\`Tip \${n}\`}>{t('ok')}</button>
          <input placeholder={cond ? 'Search' : undefined} />
          <img alt="Logo" />
        </div>
      );`;
    expect(visibleLiterals('a.tsx', code).map((f) => `${f.where}:${f.text}`)).toEqual([
      'text:Hello',
      'text:Literal child',
      'aria-label:Close dialog',
      'title:Tip',
      'placeholder:Search',
      'alt:Logo',
    ]);
  });

  it('lets through punctuation, expressions, class names and the PEM armour line', () => {
    const code = `
      const B = () => (
        <p class="hint">
          {t('a')} · {count} – ({n})
          <textarea placeholder="-----BEGIN PRIVATE KEY-----" aria-label={t('b')} title={\`\${x}: \${y}\`} />
        </p>
      );`;
    expect(visibleLiterals('b.tsx', code)).toEqual([]);
  });
});
