import { describe, expect, it } from 'vitest';
import {
  baseUrl,
  hostForRegion,
  isEnvironmentSpecificKeyId,
  normalizeRegion,
  pathPrefix,
  regionForHost,
  type Environment,
  type Region,
} from '@/utils/amazon-pay/endpoints';

describe('regions', () => {
  it.each<[string, Region, string]>([
    ['na', 'na', 'pay-api.amazon.com'],
    ['us', 'na', 'pay-api.amazon.com'],
    ['US', 'na', 'pay-api.amazon.com'],
    ['Na', 'na', 'pay-api.amazon.com'],
    ['eu', 'eu', 'pay-api.amazon.eu'],
    ['de', 'eu', 'pay-api.amazon.eu'],
    ['uk', 'eu', 'pay-api.amazon.eu'],
    ['UK', 'eu', 'pay-api.amazon.eu'],
    ['jp', 'jp', 'pay-api.amazon.jp'],
    ['JP', 'jp', 'pay-api.amazon.jp'],
  ])('%s → region %s on %s', (configured, region, host) => {
    expect(normalizeRegion(configured)).toBe(region);
    expect(hostForRegion(configured)).toBe(host);
    expect(regionForHost(host)).toBe(region);
  });

  it.each(['fr', 'gb', 'us-east-1', '', 'toString', '__proto__'])('rejects region %j with a clear error', (region) => {
    expect(() => normalizeRegion(region)).toThrow(
      /Unknown Amazon Pay region .*na \(alias us\), eu \(aliases de, uk\) or jp/,
    );
    expect(() => baseUrl({ region, publicKeyId: 'LIVE-X', environment: 'live' })).toThrow(/Unknown Amazon Pay region/);
  });

  it.each([
    ['PAY-API.AMAZON.EU', 'eu'],
    ['Pay-Api.Amazon.Jp', 'jp'],
  ])('reverse lookup of %s ignores case', (host, region) => {
    expect(regionForHost(host)).toBe(region);
  });

  it.each(['sandbox.pay-api.amazon.com', 'pay-api.amazon.de', 'localhost', 'pay-api.amazon.com.evil.example'])(
    'reverse lookup rejects %s',
    (host) => {
      expect(() => regionForHost(host)).toThrow(/is not an Amazon Pay API host/);
    },
  );
});

describe('path prefix from the public key ID', () => {
  it.each<[string, Environment, string]>([
    ['LIVE-AEXAMPLETESTKEY000000000', 'live', '/v2'],
    ['LIVE-AEXAMPLETESTKEY000000000', 'sandbox', '/v2'],
    ['SANDBOX-AEXAMPLETESTKEY000000000', 'live', '/v2'],
    ['SANDBOX-AEXAMPLETESTKEY000000000', 'sandbox', '/v2'],
    ['sandbox-aexampletestkey000000000', 'live', '/v2'],
    ['Live-AEXAMPLETESTKEY000000000', 'sandbox', '/v2'],
    ['LIVEAEXAMPLETESTKEY00000000', 'sandbox', '/v2'],
    ['AEXAMPLETESTKEY0000000000', 'live', '/live/v2'],
    ['AEXAMPLETESTKEY0000000000', 'sandbox', '/sandbox/v2'],
    ['XLIVE-AEXAMPLETESTKEY00000000', 'sandbox', '/sandbox/v2'],
  ])('%s with environment %s → %s', (publicKeyId, environment, prefix) => {
    expect(pathPrefix(publicKeyId, environment)).toBe(prefix);
    expect(isEnvironmentSpecificKeyId(publicKeyId)).toBe(prefix === '/v2');
  });

  it('rejects an unknown environment for a key ID without prefix', () => {
    expect(() => pathPrefix('AEXAMPLETESTKEY0000000000', 'production' as Environment)).toThrow(
      /Unknown Amazon Pay environment "production"/,
    );
  });
});

describe('baseUrl', () => {
  it.each<[string, string, Environment, string]>([
    ['us', 'SANDBOX-AEXAMPLETESTKEY000000000', 'sandbox', 'https://pay-api.amazon.com/v2'],
    ['na', 'LIVE-AEXAMPLETESTKEY000000000', 'live', 'https://pay-api.amazon.com/v2'],
    ['de', 'AEXAMPLETESTKEY0000000000', 'live', 'https://pay-api.amazon.eu/live/v2'],
    ['uk', 'AEXAMPLETESTKEY0000000000', 'sandbox', 'https://pay-api.amazon.eu/sandbox/v2'],
    ['eu', 'LIVE-AEXAMPLETESTKEY000000000', 'sandbox', 'https://pay-api.amazon.eu/v2'],
    ['jp', 'AEXAMPLETESTKEY0000000000', 'sandbox', 'https://pay-api.amazon.jp/sandbox/v2'],
    ['JP', 'SANDBOX-AEXAMPLETESTKEY000000000', 'live', 'https://pay-api.amazon.jp/v2'],
  ])('region %s, key %s, %s → %s', (region, publicKeyId, environment, url) => {
    expect(baseUrl({ region, publicKeyId, environment })).toBe(url);
  });
});
