import fs from 'node:fs';
import path from 'node:path';

/** A demo step that did not produce what it should: the demo stops with this message and a non-zero exit. */
export class DemoStepError extends Error {
  override name = 'DemoStepError';
}

/** The file exists and holds at least `minBytes` bytes; otherwise the demo stops, naming the step. */
export function expectFile(file: string, step: string, minBytes = 1): string {
  const size = fs.existsSync(file) ? fs.statSync(file).size : -1;
  if (size < minBytes)
    throw new DemoStepError(
      `${step}: ${path.basename(file)} is ${size < 0 ? 'missing' : `only ${size} bytes`} (expected at least ${minBytes} bytes).`,
    );
  return file;
}

/** Polls `probe` until it returns a value; stops the demo with `failure()` once `timeoutMs` have passed. */
export async function waitUntil<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs: number,
  failure: () => string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new DemoStepError(failure());
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Files below `dir`, relative to it, finished downloads only. */
export function filesBelow(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.endsWith('.crdownload'))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}
