import type { Region } from '../amazon-pay/endpoints';
import { sellerCentralRegion } from '../sellercentral/pages';
import type { MessageType } from './protocol';

/** What the browser tells us about a message's origin; never anything the message itself claims. */
export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number };
  frameId?: number;
}

export type Caller =
  { kind: 'extension-page' } | { kind: 'seller-central'; region: Region } | { kind: 'refused'; reason: string };

/** The only messages the Seller Central panel needs; everything else is for extension pages alone. */
export const CONTENT_SCRIPT_MESSAGES: ReadonlySet<MessageType> = new Set<MessageType>([
  'listReports',
  'downloadReports',
  'lookupOrder',
]);

/** Classifies a sender from browser-supplied data: our own pages, our content script on Seller Central, or neither. */
export function classifySender(sender: SenderInfo, extension: { id: string; baseUrl: string }): Caller {
  if (sender.id !== extension.id) return { kind: 'refused', reason: 'another extension' };
  const url = sender.url ?? '';
  if (url.startsWith(extension.baseUrl)) return { kind: 'extension-page' };
  if (!sender.tab) return { kind: 'refused', reason: 'no tab for a content script' };
  if (sender.frameId !== undefined && sender.frameId !== 0) return { kind: 'refused', reason: 'a sub-frame' };
  const region = sellerCentralRegion(sender.origin ?? url);
  // Chrome reports `origin` as well as `url`; both must agree so a redirect race cannot widen access.
  if (!region || (sender.origin && sellerCentralRegion(url) !== region))
    return { kind: 'refused', reason: 'not Seller Central' };
  return { kind: 'seller-central', region };
}

/** Whether a caller may send a message type; content scripts are limited further to their region's accounts. */
export function mayCall(caller: Caller, type: MessageType): boolean {
  if (caller.kind === 'extension-page') return true;
  if (caller.kind === 'seller-central') return CONTENT_SCRIPT_MESSAGES.has(type);
  return false;
}
