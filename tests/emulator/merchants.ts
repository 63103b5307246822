/** Merchant accounts the emulator knows: seeded ones (one demo key pair) plus those registered through the admin API. */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Environment } from './report-types';

export type Region = 'na' | 'eu' | 'jp';
export const REGIONS: readonly Region[] = ['na', 'eu', 'jp'];
/** Same aliases as the SDKs' region maps (amazon-pay-api.md §1.2). */
const REGION_ALIASES: Record<string, Region> = { na: 'na', us: 'na', eu: 'eu', de: 'eu', uk: 'eu', jp: 'jp' };

const keysDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'keys');
export const DEMO_PRIVATE_KEY_PATH = path.join(keysDir, 'demo-TEST-ONLY-private.pem');
export const DEMO_PUBLIC_KEY_PATH = path.join(keysDir, 'demo-TEST-ONLY-public.pem');

export interface SeededMerchant {
  publicKeyId: string;
  region: Region;
  /** `both` for legacy (non-prefixed) keys, which reach live and sandbox through the `/live` or `/sandbox` path. */
  environment: Environment | 'both';
  legacy: boolean;
  privateKeyPath: string;
  publicKeyPath: string;
}

function seeded(publicKeyId: string, region: Region, environment: SeededMerchant['environment']): SeededMerchant {
  return {
    publicKeyId,
    region,
    environment,
    legacy: environment === 'both',
    privateKeyPath: DEMO_PRIVATE_KEY_PATH,
    publicKeyPath: DEMO_PUBLIC_KEY_PATH,
  };
}

/** Key ids follow Amazon's shapes: `LIVE-`/`SANDBOX-` + 24 characters, or 24 characters for legacy keys. */
export const SEEDED_MERCHANTS: readonly SeededMerchant[] = [
  ...REGIONS.flatMap((r) => [
    seeded(`LIVE-AEMULATOR${r.toUpperCase()}LIVE000000001`, r, 'live'),
    seeded(`SANDBOX-AEMULATOR${r.toUpperCase()}SBOX000000001`, r, 'sandbox'),
  ]),
  seeded('AEMULATORNALEGACY0000001', 'na', 'both'),
  seeded('AEMULATOREULEGACY0000001', 'eu', 'both'),
];

export interface Merchant {
  publicKeyId: string;
  region: Region;
  environments: readonly Environment[];
  publicKey: KeyObject;
  seeded: boolean;
}

export function normaliseRegion(value: string): Region | null {
  return REGION_ALIASES[value.toLowerCase()] ?? null;
}

/** What the SDKs test: a key id starting with LIVE or SANDBOX (case-insensitive, no hyphen required) carries its environment. */
export function keyEnvironment(publicKeyId: string): Environment | null {
  const upper = publicKeyId.toUpperCase();
  if (upper.startsWith('LIVE')) return 'live';
  if (upper.startsWith('SANDBOX')) return 'sandbox';
  return null;
}

export interface Registration {
  publicKeyId: string;
  publicKeyPem: string;
  region: string;
  environment?: string;
}

/** Validates a registration; throws an Error whose message explains what is wrong. */
export function toMerchant(input: Registration, isSeeded = false): Merchant {
  if (typeof input.publicKeyId !== 'string' || !/^[A-Za-z0-9-]{1,64}$/.test(input.publicKeyId)) {
    throw new Error('publicKeyId must be 1-64 letters, digits or hyphens');
  }
  const region = typeof input.region === 'string' ? normaliseRegion(input.region) : null;
  if (!region) throw new Error('region must be one of na, eu, jp (or us, de, uk)');
  const fromKey = keyEnvironment(input.publicKeyId);
  const asked = input.environment;
  if (asked !== undefined && asked !== 'live' && asked !== 'sandbox')
    throw new Error('environment must be live or sandbox');
  if (fromKey && asked && asked !== fromKey) throw new Error(`a ${fromKey} key id cannot be registered for ${asked}`);
  const env = fromKey ?? asked;
  const publicKey = createPublicKey(input.publicKeyPem);
  if (publicKey.asymmetricKeyType !== 'rsa') throw new Error('publicKeyPem must be an RSA public key');
  return {
    publicKeyId: input.publicKeyId,
    region,
    environments: env ? [env] : ['live', 'sandbox'],
    publicKey,
    seeded: isSeeded,
  };
}

export function seededMerchants(): Merchant[] {
  const publicKeyPem = readFileSync(DEMO_PUBLIC_KEY_PATH, 'utf8');
  return SEEDED_MERCHANTS.map((m) =>
    toMerchant(
      {
        publicKeyId: m.publicKeyId,
        publicKeyPem,
        region: m.region,
        environment: m.environment === 'both' ? undefined : m.environment,
      },
      true,
    ),
  );
}
