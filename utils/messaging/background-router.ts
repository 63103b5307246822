import { browser } from 'wxt/browser';
import type { Envelope, MessageType, Protocol, Reply } from './protocol';

type Handlers = { [T in MessageType]: (payload: Protocol[T]['request']) => Promise<Protocol[T]['response']> };

const handlers: Handlers = {
  ping: async () => ({ version: browser.runtime.getManifest().version }),
};

function isEnvelope(message: unknown): message is Envelope {
  return typeof message === 'object' && message !== null && typeof (message as Envelope).type === 'string'
    && (message as Envelope).type in handlers;
}

async function dispatch(message: Envelope): Promise<Reply<MessageType>> {
  try {
    const handler = handlers[message.type] as (payload: unknown) => Promise<unknown>;
    return { ok: true, value: (await handler(message.payload)) as never };
  } catch (error) {
    const err = error instanceof Error ? error : new Error(String(error));
    const userMessage = (err as { userMessage?: string }).userMessage ?? err.message;
    return { ok: false, error: { name: err.name, message: err.message, userMessage } };
  }
}

/** Registered synchronously at top level so a woken service worker never misses the message that woke it. */
export function registerMessageHandlers(): void {
  browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse?: (r: unknown) => void) => {
    if (!isEnvelope(message)) return undefined;
    const reply = dispatch(message);
    if (typeof sendResponse === 'function') {
      void reply.then(sendResponse);
      return true;
    }
    return reply;
  });
}
