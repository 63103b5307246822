/**
 * Where an account's requests go: region → API host, public key ID + environment → path prefix.
 * Mirrors the official SDKs (amazon-pay-api.md §1.2).
 */

/** Canonical region, also the value of the `x-amz-pay-region` header. */
export type Region = 'na' | 'eu' | 'jp';

/** Account environment; only decides the path for key IDs without a LIVE/SANDBOX prefix. */
export type Environment = 'live' | 'sandbox';

/** API host per canonical region; live and sandbox share it. */
export const REGION_HOSTS: Readonly<Record<Region, string>> = {
  na: 'pay-api.amazon.com',
  eu: 'pay-api.amazon.eu',
  jp: 'pay-api.amazon.jp',
};

/** Accepted spellings, as in the SDKs' region maps (UK merchants use the EU endpoint). */
const REGION_ALIASES: Readonly<Record<string, Region>> = {
  na: 'na',
  us: 'na',
  eu: 'eu',
  de: 'eu',
  uk: 'eu',
  jp: 'jp',
};

/** The API version segment every SDK uses. */
const API_VERSION = 'v2';

/** Canonical region for a configured region or alias (case-insensitive). */
export function normalizeRegion(region: string): Region {
  const key = String(region).toLowerCase();
  const canonical = Object.hasOwn(REGION_ALIASES, key) ? REGION_ALIASES[key] : undefined;
  if (!canonical) {
    throw new Error(`Unknown Amazon Pay region "${region}": use na (alias us), eu (aliases de, uk) or jp`);
  }
  return canonical;
}

/** API host for a configured region or alias. */
export function hostForRegion(region: string): string {
  return REGION_HOSTS[normalizeRegion(region)];
}

/** Canonical region served by an API host (case-insensitive); throws for any other host. */
export function regionForHost(host: string): Region {
  const wanted = host.toLowerCase();
  const match = (Object.keys(REGION_HOSTS) as Region[]).find((region) => REGION_HOSTS[region] === wanted);
  if (!match) {
    throw new Error(`"${host}" is not an Amazon Pay API host (${Object.values(REGION_HOSTS).join(', ')})`);
  }
  return match;
}

/**
 * True for environment-specific key IDs (`LIVE-…`, `SANDBOX-…`); the SDKs test only the prefix,
 * case-insensitively and without requiring the hyphen.
 */
export function isEnvironmentSpecificKeyId(publicKeyId: string): boolean {
  const upper = publicKeyId.toUpperCase();
  return upper.startsWith('LIVE') || upper.startsWith('SANDBOX');
}

/** Path prefix: `/v2` when the key ID names its environment, else `/live/v2` or `/sandbox/v2`. */
export function pathPrefix(publicKeyId: string, environment: Environment): string {
  if (isEnvironmentSpecificKeyId(publicKeyId)) return `/${API_VERSION}`;
  if (environment !== 'live' && environment !== 'sandbox') {
    throw new Error(`Unknown Amazon Pay environment "${String(environment)}": use live or sandbox`);
  }
  return `/${environment}/${API_VERSION}`;
}

/** Base URL without trailing slash, e.g. `https://pay-api.amazon.com/v2`. */
export function baseUrl(account: { region: string; publicKeyId: string; environment: Environment }): string {
  return `https://${hostForRegion(account.region)}${pathPrefix(account.publicKeyId, account.environment)}`;
}
