import { describe, expect, it, vi } from 'vitest';
import { KeyMissingError } from '@/utils/amazon-pay/errors';
import { createRouter, type Handlers } from '@/utils/background/router';

const extension = { id: 'ext', baseUrl: 'chrome-extension://ext/' };
const popup = { id: 'ext', url: 'chrome-extension://ext/popup.html' };
const sellerCentral = { id: 'ext', url: 'https://sellercentral.amazon.com/gp/pyop/x', tab: { id: 1 }, frameId: 0 };

function routerWith(overrides: Partial<Handlers>, log = vi.fn()) {
  const handlers = new Proxy(overrides as Handlers, {
    get: (target, key: string) => target[key as keyof Handlers] ?? (async () => ({ called: key })),
    has: () => true,
  });
  return { route: createRouter({ handlers, extension, log }), log };
}

describe('background router', () => {
  it('answers an extension page with the handler result', async () => {
    const { route } = routerWith({ ping: async () => ({ version: '1.2.3' }) });
    expect(await route({ type: 'ping', payload: {} }, popup)).toEqual({ ok: true, value: { version: '1.2.3' } });
  });

  it('passes the browser-verified caller to the handler', async () => {
    const listReports = vi.fn(async () => ({ accountId: 'a', reports: [], fetchedAt: null }));
    const { route } = routerWith({ listReports });
    await route({ type: 'listReports', payload: { accountId: 'a', mode: 'cached' } }, sellerCentral);
    expect(listReports).toHaveBeenCalledWith(
      { accountId: 'a', mode: 'cached' },
      { kind: 'seller-central', region: 'na' },
    );
  });

  it('refuses a content script asking for more than its panel needs, and logs without the payload', async () => {
    const testConnection = vi.fn();
    const { route, log } = routerWith({ testConnection });
    const reply = await route({ type: 'testConnection', payload: { accountId: 'SECRET-PAYLOAD' } }, sellerCentral);
    expect(reply).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(testConnection).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledTimes(1);
    expect(String(log.mock.calls[0])).toContain('testConnection');
    expect(String(log.mock.calls[0])).not.toContain('SECRET-PAYLOAD');
  });

  it('ignores messages that are not ours', async () => {
    const { route } = routerWith({});
    expect(await route({ hello: 1 }, popup)).toBeUndefined();
    expect(await route('ping', popup)).toBeUndefined();
  });

  it('turns a thrown typed error into data with its user message', async () => {
    const { route } = routerWith({
      listAccounts: async () => {
        throw KeyMissingError.forAccount('a1');
      },
    });
    const reply = await route({ type: 'listAccounts', payload: {} }, popup);
    expect(reply).toMatchObject({
      ok: false,
      error: { name: 'KeyMissingError', code: 'key-missing', userMessage: expect.stringContaining('Settings') },
    });
  });
});
