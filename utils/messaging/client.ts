import { browser } from 'wxt/browser';
import type { MessageRequest, MessageResponse, MessageType, Reply } from './protocol';

/** An error raised in the background, re-created on the caller's side with its user-facing message. */
export class RemoteError extends Error {
  constructor(name: string, message: string, readonly userMessage: string, readonly details?: unknown) {
    super(message);
    this.name = name;
  }
}

export async function sendMessage<T extends MessageType>(type: T, payload: MessageRequest<T>): Promise<MessageResponse<T>> {
  const reply = (await browser.runtime.sendMessage({ type, payload })) as Reply<T> | undefined;
  if (!reply) throw new RemoteError('NoReply', `No handler answered "${type}"`, 'The extension background did not answer. Reload the extension and try again.');
  if (!reply.ok) throw new RemoteError(reply.error.name, reply.error.message, reply.error.userMessage, reply.error.details);
  return reply.value;
}
