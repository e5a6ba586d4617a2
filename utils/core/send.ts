/**
 * The typed way to ask the background: `send(request)` resolves to the reply of that request's type,
 * or null when the reply is none or of another type (the background ignored the message); it rejects
 * when the transport does (no listener yet, the extension gone): callers catch. No caller casts a reply.
 * The transport is the caller's (`browser.runtime.sendMessage`), so this file has no browser API.
 */
import type { MessageType, ReplyTo, RequestOf } from '../schema/messages';

export type Transport = (message: unknown) => Promise<unknown>;
export type Send = <T extends MessageType>(request: RequestOf<T> & { type: T }) => Promise<ReplyTo<T> | null>;

export function createSend(transport: Transport): Send {
  return async (request) => {
    const reply = await transport(request);
    return reply !== null && typeof reply === 'object' && (reply as { type?: unknown }).type === request.type
      ? (reply as ReplyTo<typeof request.type>)
      : null;
  };
}
