import { describe, expect, it } from 'vitest';
import { classifySender, CONTENT_SCRIPT_MESSAGES, mayCall, type SenderInfo } from '@/utils/messaging/senders';
import type { MessageType } from '@/utils/messaging/protocol';

const extension = { id: 'abcdefghijklmnop', baseUrl: 'chrome-extension://abcdefghijklmnop/' };
const tab = { id: 3 };

describe('sender checks', () => {
  it.each<[string, SenderInfo, string]>([
    ['popup', { id: extension.id, url: 'chrome-extension://abcdefghijklmnop/popup.html' }, 'extension-page'],
    [
      'options tab',
      { id: extension.id, url: 'chrome-extension://abcdefghijklmnop/options.html', tab },
      'extension-page',
    ],
    [
      'US Seller Central',
      {
        id: extension.id,
        url: 'https://sellercentral.amazon.com/gp/pyop/x',
        origin: 'https://sellercentral.amazon.com',
        tab,
        frameId: 0,
      },
      'seller-central:na',
    ],
    [
      'EU Seller Central',
      { id: extension.id, url: 'https://sellercentral-europe.amazon.com/external-payments/x', tab, frameId: 0 },
      'seller-central:eu',
    ],
    [
      'JP Seller Central',
      { id: extension.id, url: 'https://sellercentral-japan.amazon.com/', tab },
      'seller-central:jp',
    ],
    ['another extension', { id: 'zzzz', url: 'chrome-extension://zzzz/popup.html' }, 'refused'],
    ['a web page', { id: extension.id, url: 'https://evil.example/', tab, frameId: 0 }, 'refused'],
    ['a look-alike host', { id: extension.id, url: 'https://sellercentral.amazon.com.evil.example/', tab }, 'refused'],
    ['plain http', { id: extension.id, url: 'http://sellercentral.amazon.com/', tab }, 'refused'],
    ['a sub-frame', { id: extension.id, url: 'https://sellercentral.amazon.com/', tab, frameId: 2 }, 'refused'],
    ['no tab', { id: extension.id, url: 'https://sellercentral.amazon.com/' }, 'refused'],
    [
      'origin disagrees with url',
      { id: extension.id, url: 'https://sellercentral.amazon.com/', origin: 'https://evil.example', tab },
      'refused',
    ],
    ['another extension page origin', { id: extension.id, url: 'chrome-extension://other/popup.html', tab }, 'refused'],
  ])('%s is %s', (_, sender, expected) => {
    const caller = classifySender(sender, extension);
    expect(caller.kind === 'seller-central' ? `seller-central:${caller.region}` : caller.kind).toBe(expected);
  });

  const everything: MessageType[] = [
    'ping',
    'listAccounts',
    'selectAccount',
    'removeAccount',
    'listReports',
    'downloadReports',
    'getDownloads',
    'cancelDownloads',
    'pauseBatch',
    'resumeBatch',
    'retryFailed',
    'showDownload',
    'testConnection',
    'getClockSkew',
    'getHistory',
    'previewBulk',
    'createReport',
    'listOnDemand',
    'listSchedules',
    'createSchedule',
    'cancelSchedule',
    'getAutoArchive',
    'setAutoArchive',
    'lookupOrder',
  ];
  it.each(everything)('an extension page may call %s', (type) => {
    expect(mayCall({ kind: 'extension-page' }, type)).toBe(true);
  });
  it.each(everything)('the Seller Central panel may call %s only if it needs it', (type) => {
    expect(mayCall({ kind: 'seller-central', region: 'na' }, type)).toBe(
      type === 'listReports' || type === 'downloadReports' || type === 'lookupOrder',
    );
  });
  it('the panel has exactly three messages: its region’s accounts come with listReports, not with listAccounts', () => {
    expect([...CONTENT_SCRIPT_MESSAGES].sort()).toEqual(['downloadReports', 'listReports', 'lookupOrder']);
    expect(everything.filter((type) => mayCall({ kind: 'seller-central', region: 'eu' }, type))).toHaveLength(3);
  });
  it('a refused sender may call nothing', () => {
    expect(everything.some((type) => mayCall({ kind: 'refused', reason: 'x' }, type))).toBe(false);
  });
});
