/** The built extension in Chromium with the ledger bench page (bench/lib/ledger-page.ts) loaded in its own origin. */
import { build } from 'esbuild';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension, repoRoot, type ExtensionSession } from '../../tests/e2e/harness';
import { ensureBuilt } from './build';

async function pageScript(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(repoRoot, 'bench/lib/ledger-page.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/** Runs `work` with a page of the extension's origin that has `ledgerBench` loaded; closes the browser after. */
export async function withLedgerPage<T>(work: (page: Page, session: ExtensionSession) => Promise<T>): Promise<T> {
  ensureBuilt();
  const script = await pageScript();
  const session = await launchExtension({ port: 9 });
  try {
    const page = await session.openPage('manifest.json');
    await page.evaluate(script);
    return await work(page, session);
  } finally {
    await session.close();
  }
}
