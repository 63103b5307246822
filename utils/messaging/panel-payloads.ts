import { ORDER_REFERENCE_ID } from '../ledger/order-lookup';
import type { MessageType } from './protocol';

/** The most report ids one panel request may name: more than any report list Amazon keeps for 90 days. */
export const MAX_PANEL_REPORT_IDS = 500;
/** Amazon's report ids are short; anything far longer is not one. */
const MAX_ID_LENGTH = 128;

type Fields = Record<string, unknown>;

const isId = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH;

function fields(payload: unknown, allowed: readonly string[]): Fields | string {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return 'not an object';
  const extra = Object.keys(payload).find((key) => !allowed.includes(key));
  return extra === undefined ? (payload as Fields) : `unknown field "${extra}"`;
}

/**
 * What the Seller Central panel may send, checked field by field: a content script runs next to a page, so its
 * payloads are treated as untrusted input. Each check returns why a payload is refused, or undefined.
 */
const PANEL_PAYLOADS: Partial<Record<MessageType, (payload: unknown) => string | undefined>> = {
  listReports(payload) {
    const p = fields(payload, ['accountId', 'mode']);
    if (typeof p === 'string') return p;
    if (p.accountId !== undefined && !isId(p.accountId)) return 'bad account id';
    return p.mode === 'cached' || p.mode === 'fresh' ? undefined : 'unknown mode';
  },
  downloadReports(payload) {
    const p = fields(payload, ['accountId', 'reportIds', 'force']);
    if (typeof p === 'string') return p;
    if (!isId(p.accountId)) return 'bad account id';
    if (!Array.isArray(p.reportIds) || p.reportIds.length > MAX_PANEL_REPORT_IDS || !p.reportIds.every(isId)) {
      return `report ids must be at most ${MAX_PANEL_REPORT_IDS} strings`;
    }
    // "Download again" overrides the archive check; only the extension's own pages may ask for it.
    return p.force === undefined || p.force === false ? undefined : 'force is not available in the panel';
  },
  lookupOrder(payload) {
    const p = fields(payload, ['orderReferenceId']);
    if (typeof p === 'string') return p;
    // An order id exactly: no prefixes, amounts or other ids that would widen a look-up into a search.
    return typeof p.orderReferenceId === 'string' && ORDER_REFERENCE_ID.test(p.orderReferenceId)
      ? undefined
      : 'not an order reference id';
  },
};

/** Why a panel's payload is refused (never echoing it), or undefined when it is well-formed. */
export function panelPayloadProblem(type: MessageType, payload: unknown): string | undefined {
  const check = PANEL_PAYLOADS[type];
  return check ? check(payload) : 'not a panel message';
}
