/**
 * Finds references to files outside the repository in the text of a test, bench, script or config file: a bare clone
 * must pass with nothing beside it, so nothing may read from a folder next to the checkout or from this machine.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface OutsideReference {
  file: string;
  line: number;
  text: string;
  why: string;
}

type Rule = { why: string; find: (line: string, file: string, root: string) => boolean };

const READS_ABSOLUTE =
  /\b(?:readFileSync|readFile|readdirSync|readdir|existsSync|statSync|createReadStream|cpSync|copyFileSync)\(\s*['"`]\//;
const RELATIVE_LITERAL = /(['"`])(\.\.(?:\/[^'"`\s]*)?)\1/g;
const ROOT_THEN_UP = /\b(?:resolve|join)\([^)]*\b(?:repoRoot|root|ROOT|projectRoot)\b\s*,\s*['"`]\.\.(?:\/|['"`])/;

const rules: Rule[] = [
  { why: 'names a machine path', find: (line) => /(?:^|[^\w.-])\/work\//.test(line) },
  {
    why: 'reads the reference folder beside the checkout',
    find: (line) =>
      /\bshared\/(?:vectors|research|amazon-pay-api\.md|design\.md|toolchain\.md)\b|['"`]shared['"`]|SHARED_VECTORS_DIR/.test(
        line,
      ),
  },
  { why: 'reads an absolute path', find: (line) => READS_ABSOLUTE.test(line) },
  {
    why: 'a relative path that leaves the repository',
    find: (line, file, root) =>
      [...line.matchAll(RELATIVE_LITERAL)].some(([, , literal]) => {
        const target = path.resolve(path.dirname(path.join(root, file)), literal!);
        return path.relative(root, target).startsWith('..');
      }) || ROOT_THEN_UP.test(line),
  },
];

/** `x = path.dirname(x)`, or `const parent = path.dirname(dir)` … `dir = parent`: a loop climbing parent folders. */
const WALKS_UP = [
  /\b(\w+)\s*=\s*(?:path\.)?dirname\(\s*\1\s*\)/,
  /\b(\w+)\s*=\s*(?:path\.)?dirname\(\s*(\w+)\s*\)[\s\S]{0,400}?\b\2\s*=\s*\1\b/,
];

export function outsideReferences(file: string, text: string, root: string): OutsideReference[] {
  const found: OutsideReference[] = [];
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    for (const rule of rules) {
      if (rule.find(line, file, root)) found.push({ file, line: index + 1, text: line.trim(), why: rule.why });
    }
  });
  for (const pattern of WALKS_UP) {
    const match = pattern.exec(text);
    if (match) {
      const line = text.slice(0, match.index).split('\n').length;
      found.push({ file, line, text: lines[line - 1]!.trim(), why: 'walks up parent folders to find something' });
    }
  }
  return found;
}

const SKIPPED_DIRS = new Set(['node_modules', '.output', '.wxt', '.git']);
const BINARY = /\.(?:png|jpe?g|gif|webp|ico|woff2?|zip|gz|pak)$/i;

/** Every text file under `dirs` (repository-relative), plus the named root files. */
export function filesToCheck(root: string, dirs: string[], rootFiles: string[]): string[] {
  const files: string[] = [...rootFiles];
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const child = path.posix.join(relative, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(child);
      } else if (!BINARY.test(entry.name)) files.push(child);
    }
  };
  dirs.forEach(walk);
  return files;
}

export function scanRepository(root: string, dirs: string[], rootFiles: string[]): OutsideReference[] {
  return filesToCheck(root, dirs, rootFiles).flatMap((file) =>
    outsideReferences(file, readFileSync(path.join(root, file), 'utf8'), root),
  );
}
