/**
 * Per-request signing time: our WebCrypto signer against the official Node SDK 2.3.4 signing the same
 * request its own way (getSignedHeaders → crypto.createSign('RSA-SHA256'), PSS padding, salt 32).
 * Both sides build the query, canonicalise, hash and sign; nothing is sent.
 */
import { createPrivateKey } from 'node:crypto';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { baseUrl } from '../../utils/amazon-pay/endpoints';
import { buildUrl, signRequest } from '../../utils/amazon-pay/signing';
import { compare, type Metric } from '../lib/metric';
import { testPrivateCryptoKey, testPrivateKeyPem } from '../lib/test-keys';
import { browserSignMetrics } from './sign-browser';

interface SdkClient {
  getSignedHeaders(options: {
    method: string;
    urlFragment: string;
    queryParams?: Record<string, string | number>;
  }): Record<string, string>;
}
const require = createRequire(import.meta.url);
const { WebStoreClient } = require('@amazonpay/amazon-pay-api-sdk-nodejs') as {
  WebStoreClient: new (config: {
    publicKeyId: string;
    privateKey: unknown;
    region: string;
    algorithm: string;
  }) => SdkClient;
};

const ACCOUNT = { region: 'us', publicKeyId: 'SANDBOX-AEXAMPLETESTKEY000000000', environment: 'sandbox' as const };
const QUERY = {
  reportTypes: '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_',
  createdSince: '2024-01-01T00:00:00Z',
  pageSize: 100,
};
const REQUESTS = 1000;
const WARM_UP = 50;

type Signer = () => Promise<unknown> | unknown;

async function timeOnce(signer: Signer): Promise<number> {
  const start = performance.now();
  await signer();
  return performance.now() - start;
}

/** Runs the signers in alternating order so drift (GC, CPU boost, JIT) hits all of them alike. */
async function interleaved(signers: readonly Signer[], rounds: number): Promise<number[][]> {
  const samples = signers.map(() => [] as number[]);
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 ? [...signers.keys()].reverse() : [...signers.keys()];
    for (const i of order) samples[i]?.push(await timeOnce(signers[i] as Signer));
  }
  return samples;
}

export async function signMetrics(): Promise<Metric[]> {
  const privateKey = await testPrivateCryptoKey();
  const base = baseUrl(ACCOUNT);
  const ours: Signer = () =>
    signRequest({ method: 'GET', url: buildUrl(base, 'reports', QUERY), publicKeyId: ACCOUNT.publicKeyId, privateKey });

  const sdkConfig = { publicKeyId: ACCOUNT.publicKeyId, region: ACCOUNT.region, algorithm: 'AMZN-PAY-RSASSA-PSS-V2' };
  // The SDK README passes the PEM file contents, which Node parses again on every signature.
  const sdkWithPem = new WebStoreClient({ ...sdkConfig, privateKey: testPrivateKeyPem() });
  // A pre-parsed KeyObject is the like-for-like comparison with our once-imported CryptoKey.
  const sdkWithKeyObject = new WebStoreClient({ ...sdkConfig, privateKey: createPrivateKey(testPrivateKeyPem()) });
  const sdkSigner =
    (client: SdkClient): Signer =>
    () =>
      client.getSignedHeaders({ method: 'GET', urlFragment: 'reports', queryParams: { ...QUERY } });

  const signers = [ours, sdkSigner(sdkWithKeyObject), sdkSigner(sdkWithPem)];
  await interleaved(signers, WARM_UP);
  const [oursMs = [], keyObjectMs = [], pemMs = []] = await interleaved(signers, REQUESTS);
  return [
    compare('sign.median_ms', 'ms', oursMs, keyObjectMs),
    compare('sign.vs_sdk_pem_config.median_ms', 'ms', oursMs, pemMs),
    ...(await browserSignMetrics({ base, query: QUERY, publicKeyId: ACCOUNT.publicKeyId })),
  ];
}
