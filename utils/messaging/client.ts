import { browser } from 'wxt/browser';
import { ReportCourierError, type SerializedError } from '../errors/base';
import type { MessageRequest, MessageResponse, MessageType, Reply } from './protocol';

/**
 * Sends one message to the background. A refusal there arrives here as the same `ReportCourierError` (name, code,
 * user text and details), so views handle remote and local errors alike.
 */
export async function sendMessage<T extends MessageType>(
  type: T,
  payload: MessageRequest<T>,
): Promise<MessageResponse<T>> {
  const reply = (await browser.runtime.sendMessage({ type, payload })) as Reply<T> | undefined;
  if (!reply) {
    throw ReportCourierError.revive({
      name: 'NoReply',
      code: 'no-reply',
      message: `No handler answered "${type}"`,
      userMessage: 'The extension did not answer. Reload the page or the extension and try again.',
    });
  }
  if (!reply.ok) throw ReportCourierError.revive(reply.error);
  return reply.value;
}

/** Any thrown value as the data a view shows or a reply carries: ours as they are, anything else as `unknown`. */
export function toSerialized(thrown: unknown): SerializedError {
  return ReportCourierError.from(thrown).toJSON();
}
