/**
 * The hosts Amazon hands document URLs out on, as this extension has seen them: the merchant lets it read
 * settlements from exactly those (an optional host permission per origin, asked from a click), never from all of
 * `https://*.amazonaws.com`.
 */
import { browser } from 'wxt/browser';
import { definePrivateSetting } from '../settings/private-settings';

const documentOrigins = definePrivateSetting<string[]>('documentOrigins', []);

/** The origin of a document URL when it is one the optional permission can cover (https, under amazonaws.com). */
export function documentOrigin(url: string): string | undefined {
  try {
    const { protocol, hostname, origin } = new URL(url);
    return protocol === 'https:' && hostname.endsWith('.amazonaws.com') ? origin : undefined;
  } catch {
    return undefined;
  }
}

export const originPattern = (origin: string): string => `${origin}/*`;

export async function rememberDocumentOrigin(url: string): Promise<void> {
  const origin = documentOrigin(url);
  if (!origin) return;
  const seen = await documentOrigins.getValue();
  if (!seen.includes(origin)) await documentOrigins.setValue([...seen, origin]);
}

export function seenDocumentOrigins(): Promise<string[]> {
  return documentOrigins.getValue();
}

/** Whether the merchant let the extension read documents from this origin (the opt-in). */
export async function mayCapture(origin: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [originPattern(origin)] });
  } catch {
    return false;
  }
}
