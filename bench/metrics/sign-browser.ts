/**
 * Signing where the product signs: in Chromium. Our signer's full path (canonical request, its hash, the string to
 * sign, the signature) against a bare `crypto.subtle.sign` of the same string to sign with the same key, the
 * platform's limit. Both run interleaved in a bare extension document (bench/lib/sign-in-page.ts).
 */
import { build } from 'vite';
import { launchExtension, repoRoot } from '../../tests/e2e/harness';
import { ensureBuilt } from '../lib/build';
import { compare, type Metric } from '../lib/metric';
import type { SignRun, SignSamples } from '../lib/sign-in-page';
import { testPrivateKeyPem } from '../lib/test-keys';

const PAGE_GLOBAL = 'reportCourierSignBench';
/**
 * 2 000 signatures each, timed 20 at a time: a page's clock ticks in 0.1 ms steps, so a sample of 5 moved in steps of
 * 20 µs (about 3.5 % of one signature), coarse enough to shift the medians' ratio by several hundredths from run to
 * run; 20 a sample makes the step 5 µs.
 */
const ROUNDS = 100;
const BATCH = 20;
const WARM_UP = 10;

/** The signer built by the product's bundler (minified, as it ships), as one script for the page. */
async function pageScript(): Promise<string> {
  const built = await build({
    configFile: false,
    root: repoRoot,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      lib: { entry: 'bench/lib/sign-in-page.ts', formats: ['iife'], name: PAGE_GLOBAL },
    },
  });
  const output = (Array.isArray(built) ? built[0] : built) as { output: Array<{ code?: string }> };
  const code = output.output[0]?.code;
  if (!code) throw new Error('bench: the signing page script came out empty');
  return `${code}\nglobalThis.${PAGE_GLOBAL} = ${PAGE_GLOBAL};`;
}

export async function browserSignMetrics(request: Pick<SignRun, 'base' | 'query' | 'publicKeyId'>): Promise<Metric[]> {
  ensureBuilt();
  const script = await pageScript();
  // Nothing is sent: every host maps to a closed port.
  const browser = await launchExtension({ port: 9 });
  try {
    const page = await browser.openPage('manifest.json');
    // A DevTools evaluation, not an inline script: the extension's CSP stays as strict as it ships.
    await page.evaluate(script);
    const pkcs8 = testPrivateKeyPem().replace(/-----(BEGIN|END) PRIVATE KEY-----|\s/g, '');
    const run: SignRun = { ...request, pkcs8, rounds: ROUNDS, warmUp: WARM_UP, batch: BATCH };
    const { ours, platform } = await page.evaluate(
      ([name, args]) =>
        (globalThis as unknown as Record<string, { run(a: SignRun): Promise<SignSamples> }>)[name]!.run(args),
      [PAGE_GLOBAL, run] as const,
    );
    return [{ ...compare('sign.browser_over_platform', 'ms', ours, platform), target: 'ratio ≤ 1.15' }];
  } finally {
    await browser.close();
  }
}
