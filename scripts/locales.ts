/**
 * Which message keys the source uses, and how each locale in public/_locales compares with English.
 * `npx tsx scripts/locales.ts --check` lists missing and unused keys and placeholder mismatches per locale.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const localesDir = path.join(root, 'public/_locales');
const SOURCE_DIRS = ['components', 'entrypoints', 'utils'];

export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type Messages = Record<string, MessageEntry>;

export function localeCodes(): string[] {
  return fs
    .readdirSync(localesDir)
    .filter((code) => fs.existsSync(path.join(localesDir, code, 'messages.json')))
    .sort();
}

export function readMessages(code: string): Messages {
  return JSON.parse(fs.readFileSync(path.join(localesDir, code, 'messages.json'), 'utf8')) as Messages;
}

export function sourceFiles(dirs = SOURCE_DIRS): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(full);
    }
  };
  for (const dir of dirs) walk(path.join(root, dir));
  return files.sort();
}

function compilerOptions(): ts.CompilerOptions {
  const configPath = path.join(root, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, (file) => ts.sys.readFile(file));
  return ts.parseJsonConfigFileContent(config.config, ts.sys, root, undefined, configPath).options;
}

/** Literal text a node stands for, or a pattern for a template such as `status${s}`. */
function keyPattern(node: ts.Node): string | RegExp | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (!ts.isTemplateExpression(node)) return undefined;
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const parts = [escape(node.head.text), ...node.templateSpans.map((span) => `.*${escape(span.literal.text)}`)];
  return new RegExp(`^${parts.join('')}$`);
}

function isCallToT(node: ts.Node): boolean {
  let current = node;
  // A literal inside `t(cond ? 'a' : 'b')` or `t(('a'))` is still t's argument.
  while (ts.isConditionalExpression(current.parent) || ts.isParenthesizedExpression(current.parent))
    current = current.parent;
  const call = current.parent;
  return (
    ts.isCallExpression(call) &&
    ts.isIdentifier(call.expression) &&
    call.expression.text === 't' &&
    call.arguments[0] === current
  );
}

/** The contextual type is MessageKey (or a union of message keys): a map value, a `label: MessageKey`, a return. */
function expectsMessageKey(checker: ts.TypeChecker, node: ts.Expression, keys: Set<string>): boolean {
  const type = checker.getContextualType(node);
  if (!type) return false;
  const members = type.isUnion() ? type.types : [type];
  const literals = members.filter((m): m is ts.StringLiteralType => m.isStringLiteral()).map((m) => m.value);
  return literals.length > 0 && literals.every((value) => keys.has(value));
}

/**
 * Keys the source uses: literal arguments of `t(…)`, literals typed as MessageKey (maps, props, returns),
 * templates such as `status${s}` in either place, and `__MSG_key__` in wxt.config.ts.
 */
export function usedKeys(keys: Set<string>, files = sourceFiles()): Set<string> {
  const program = ts.createProgram(files, compilerOptions());
  const checker = program.getTypeChecker();
  const used = new Set<string>();
  const matching = (pattern: string | RegExp) =>
    typeof pattern === 'string' ? (keys.has(pattern) ? [pattern] : []) : [...keys].filter((key) => pattern.test(key));
  const mark = (pattern: string | RegExp) => {
    for (const key of matching(pattern)) used.add(key);
  };
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) throw new Error(`Not parsed: ${file}`);
    const visit = (node: ts.Node): void => {
      const pattern = keyPattern(node);
      // Asking the checker is slow: only for text that could be a key at all.
      const candidates = pattern === undefined ? [] : matching(pattern);
      if (candidates.length > 0 && (isCallToT(node) || expectsMessageKey(checker, node as ts.Expression, keys)))
        mark(pattern!);
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  const config = fs.readFileSync(path.join(root, 'wxt.config.ts'), 'utf8');
  for (const match of config.matchAll(/__MSG_(\w+)__/g)) mark(match[1]!);
  return used;
}

/** `$1`…`$9` and named `$name$` placeholders in a message, sorted. */
export function placeholdersOf(entry: MessageEntry): string[] {
  const tokens = entry.message.match(/\$[A-Za-z_][\w@]*\$|\$[1-9]/g) ?? [];
  return [...new Set(tokens)].sort();
}

export interface LocaleProblems {
  missing: string[];
  unused: string[];
  placeholders: string[];
}

/** English must hold exactly the used keys; a translation exactly English's keys, with the same placeholders. */
export function compareLocale(
  messages: Messages,
  english: Messages,
  used: Set<string>,
  isEnglish: boolean,
): LocaleProblems {
  const reference = isEnglish ? used : new Set(Object.keys(english));
  const keys = Object.keys(messages);
  const placeholders: string[] = [];
  if (!isEnglish) {
    for (const key of keys) {
      const ours = messages[key]!;
      const theirs = english[key];
      if (!theirs) continue;
      const differs =
        placeholdersOf(ours).join() !== placeholdersOf(theirs).join() ||
        JSON.stringify(ours.placeholders ?? null) !== JSON.stringify(theirs.placeholders ?? null);
      if (differs || typeof ours.message !== 'string' || ours.message.trim() === '') placeholders.push(key);
    }
  }
  return {
    missing: [...reference].filter((key) => !(key in messages)).sort(),
    unused: keys.filter((key) => !reference.has(key)).sort(),
    placeholders: placeholders.sort(),
  };
}

export function checkAll(): Map<string, LocaleProblems> {
  const english = readMessages('en');
  const used = usedKeys(new Set(Object.keys(english)));
  return new Map(localeCodes().map((code) => [code, compareLocale(readMessages(code), english, used, code === 'en')]));
}

function main(): void {
  if (!process.argv.includes('--check')) {
    console.error('Usage: npx tsx scripts/locales.ts --check');
    process.exit(2);
  }
  let problems = 0;
  for (const [code, result] of checkAll()) {
    const lines = [
      ...result.missing.map((key) => `  missing      ${key}`),
      ...result.unused.map((key) => `  unused       ${key}`),
      ...result.placeholders.map((key) => `  placeholders ${key}`),
    ];
    problems += lines.length;
    console.log(`${code}: ${lines.length === 0 ? 'ok' : `${lines.length} problem(s)`}`);
    for (const line of lines) console.log(line);
  }
  process.exit(problems === 0 ? 0 : 1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
