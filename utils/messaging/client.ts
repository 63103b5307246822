import { browser } from 'wxt/browser';
import type { MessageRequest, MessageResponse, MessageType, Reply, SerializedError } from './protocol';

/** An error raised in the background, re-created on the caller's side with its user-facing message. */
export class RemoteError extends Error {
  readonly code: string;
  readonly userMessage: string;
  readonly details?: Record<string, unknown>;

  constructor(error: SerializedError) {
    super(error.message);
    this.name = error.name;
    this.code = error.code;
    this.userMessage = error.userMessage;
    this.details = error.details;
  }
}

export async function sendMessage<T extends MessageType>(
  type: T,
  payload: MessageRequest<T>,
): Promise<MessageResponse<T>> {
  const reply = (await browser.runtime.sendMessage({ type, payload })) as Reply<T> | undefined;
  if (!reply) {
    throw new RemoteError({
      name: 'NoReply',
      code: 'no-reply',
      message: `No handler answered "${type}"`,
      userMessage: 'The extension did not answer. Reload the page or the extension and try again.',
    });
  }
  if (!reply.ok) throw new RemoteError(reply.error);
  return reply.value;
}
