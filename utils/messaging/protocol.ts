/**
 * The one map of every message that crosses a context boundary: its request and its response.
 * Views call `sendMessage`; the background implements a handler per key.
 */
export interface Protocol {
  ping: { request: Record<string, never>; response: { version: string } };
}

export type MessageType = keyof Protocol;
export type MessageRequest<T extends MessageType> = Protocol[T]['request'];
export type MessageResponse<T extends MessageType> = Protocol[T]['response'];

export interface Envelope<T extends MessageType = MessageType> {
  type: T;
  payload: MessageRequest<T>;
}

/** Responses travel wrapped so that errors cross the boundary as data, not as lost exceptions. */
export type Reply<T extends MessageType> =
  | { ok: true; value: MessageResponse<T> }
  | { ok: false; error: { name: string; message: string; userMessage: string; details?: unknown } };
