import type { Environment } from '../amazon-pay/endpoints';

/** Public Key IDs: 24 upper-case alphanumerics (legacy) or LIVE-/SANDBOX- followed by 24 (amazon-pay-api.md §3). */
const KEY_ID = /^(?:(LIVE|SANDBOX)-)?[A-Z0-9]{24}$/;

export type KeyIdCheck = { ok: true; environment: Environment | undefined } | { ok: false; userMessage: string };

/** Checks a Public Key ID and reads the environment it implies (undefined for legacy IDs, which must be asked). */
export function checkPublicKeyId(raw: string): KeyIdCheck {
  const id = raw.trim();
  const match = KEY_ID.exec(id);
  if (!match) {
    return {
      ok: false,
      userMessage:
        'A Public Key ID is 24 capital letters and digits, optionally after "LIVE-" or "SANDBOX-". ' +
        'Copy it from Integration Central in Seller Central.',
    };
  }
  const prefix = match[1];
  return { ok: true, environment: prefix === 'LIVE' ? 'live' : prefix === 'SANDBOX' ? 'sandbox' : undefined };
}
