import { panelPayloadProblem } from '../messaging/panel-payloads';
import { classifySender, mayCall, type Caller, type SenderInfo } from '../messaging/senders';
import { toSerialized } from '../messaging/client';
import type { Envelope, MessageType, Protocol, Reply } from '../messaging/protocol';
import { RefusedError } from './errors';

/** A handler gets its payload and the browser-verified caller (content scripts are limited to their region). */
export type Handlers = {
  [T in MessageType]: (payload: Protocol[T]['request'], caller: Caller) => Promise<Protocol[T]['response']>;
};

export interface RouterOptions {
  handlers: Handlers;
  extension: { id: string; baseUrl: string };
  log?: (line: string) => void;
}

const REFUSED: Reply<MessageType> = { ok: false, error: new RefusedError().toJSON() };

function isEnvelope(message: unknown, handlers: Handlers): message is Envelope {
  if (typeof message !== 'object' || message === null) return false;
  const type = (message as Envelope).type;
  return typeof type === 'string' && Object.hasOwn(handlers, type);
}

/** Routes one message; errors cross the boundary as data with their user-facing text. */
export function createRouter({ handlers, extension, log = console.warn }: RouterOptions) {
  return async function route(message: unknown, sender: SenderInfo): Promise<Reply<MessageType> | undefined> {
    if (!isEnvelope(message, handlers)) return undefined;
    const caller = classifySender(sender, extension);
    if (!mayCall(caller, message.type)) {
      // The payload is not logged: it is untrusted and may be large.
      log(`Refused "${message.type}" from ${caller.kind === 'refused' ? caller.reason : caller.kind}`);
      return REFUSED;
    }
    const problem = caller.kind === 'seller-central' ? panelPayloadProblem(message.type, message.payload) : undefined;
    if (problem) {
      log(`Refused "${message.type}" from seller-central: ${problem}`);
      return REFUSED;
    }
    try {
      const handler = handlers[message.type] as (payload: unknown, caller: Caller) => Promise<unknown>;
      return { ok: true, value: (await handler(message.payload, caller)) as never };
    } catch (error) {
      return { ok: false, error: toSerialized(error) };
    }
  };
}
