/** Builds the extension when the build is missing or older than any of its sources, so figures describe this tree. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { extensionDir, repoRoot } from '../../tests/e2e/harness';

const SOURCES = ['entrypoints', 'components', 'utils', 'public', 'assets', 'wxt.config.ts', 'package.json'];

function newestMtime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

export function ensureBuilt(): void {
  const manifest = path.join(extensionDir, 'manifest.json');
  const builtAt = fs.existsSync(manifest) ? fs.statSync(manifest).mtimeMs : 0;
  const changedAt = Math.max(...SOURCES.map((s) => newestMtime(path.join(repoRoot, s))));
  if (builtAt > changedAt) return;
  console.error('bench: building the extension (npx wxt build)');
  execFileSync('npx', ['wxt', 'build'], { cwd: repoRoot, stdio: 'pipe' });
}
