/**
 * Bundled into one script and run in a Chromium page by bench/metrics/sign-browser.ts: imports the key as the product
 * holds it (non-extractable) and times our signer against a bare `crypto.subtle.sign`, interleaved.
 */
import { buildUrl, prepareSignature, SALT_LENGTH, signRequest } from '../../utils/amazon-pay/signing';

export interface SignRun {
  base: string;
  query: Record<string, string | number>;
  publicKeyId: string;
  /** Base64 of the PKCS#8 test key. */
  pkcs8: string;
  rounds: number;
  warmUp: number;
  /** Calls per sample: a page's clock ticks in 0.1 ms steps, so each sample times several calls and divides. */
  batch: number;
}

export interface SignSamples {
  ours: number[];
  platform: number[];
}

export async function run({ base, query, publicKeyId, pkcs8, rounds, warmUp, batch }: SignRun): Promise<SignSamples> {
  const der = Uint8Array.from(atob(pkcs8), (c) => c.charCodeAt(0));
  const privateKey = await crypto.subtle.importKey('pkcs8', der, { name: 'RSA-PSS', hash: 'SHA-256' }, false, ['sign']);
  const request = () => ({ method: 'GET', url: buildUrl(base, 'reports', query), publicKeyId });
  // The platform signs the very string our signer signs: same length, same key, same parameters.
  const plan = prepareSignature(request());
  const stringToSign = new TextEncoder().encode(plan.stringToSign);
  const params = { name: 'RSA-PSS', saltLength: SALT_LENGTH[plan.algorithm] };
  const signers = [
    () => signRequest({ ...request(), privateKey }),
    () => crypto.subtle.sign(params, privateKey, stringToSign),
  ];
  const samples: number[][] = [[], []];
  // Alternating order, so drift (GC, CPU boost, other load) hits both alike.
  for (let round = 0; round < warmUp + rounds; round++) {
    for (const i of round % 2 ? [1, 0] : [0, 1]) {
      const start = performance.now();
      for (let call = 0; call < batch; call++) await signers[i]!();
      if (round >= warmUp) samples[i]!.push((performance.now() - start) / batch);
    }
  }
  return { ours: samples[0]!, platform: samples[1]! };
}
