import type { Region } from '../amazon-pay/endpoints';

/** Seller Central hosts of Amazon Pay merchants, by the region whose accounts they serve (amazon-pay-api.md §4). */
export const SELLER_CENTRAL_REGIONS: Readonly<Record<string, Region>> = {
  'sellercentral.amazon.com': 'na',
  'sellercentral-europe.amazon.com': 'eu',
  'sellercentral-japan.amazon.com': 'jp',
};

/** Path prefixes of Seller Central's Amazon Pay pages, where the quick-access panel belongs. */
const AMAZON_PAY_PATHS = ['/gp/pyop/', '/external-payments/', '/payments/reports', '/gp/payments-account/'];

/** The region a Seller Central origin serves, or undefined for any other origin (https only). */
export function sellerCentralRegion(url: string | undefined): Region | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' || parsed.port !== '') return undefined;
  return Object.hasOwn(SELLER_CENTRAL_REGIONS, parsed.hostname) ? SELLER_CENTRAL_REGIONS[parsed.hostname] : undefined;
}

/** True on the Amazon Pay pages of Seller Central (and not on the marketplace pages of the same hosts). */
export function isAmazonPayPage(url: string): boolean {
  if (!sellerCentralRegion(url)) return false;
  const { pathname } = new URL(url);
  return AMAZON_PAY_PATHS.some((prefix) => pathname.startsWith(prefix));
}
