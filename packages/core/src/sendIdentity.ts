import type { SendMessageInput } from './types.js';

/**
 * Longest text of one message, in UTF-16 code units (JavaScript's `length`), as Chat2Desk
 * accepts it. The proxy's validation, the sandbox and the send form all use this one value.
 */
export const MAX_MESSAGE_LENGTH = 4096;

/** The parts of a send that make it "the same message" for idempotency. */
export type SendIdentity = Pick<SendMessageInput, 'clientId' | 'text' | 'channelId' | 'transport' | 'type' | 'attachment'>;

/**
 * What a send says, as one string: the browser reuses an idempotency key only for a send with
 * the same fingerprint (a retry), and the proxy refuses a key reused with another fingerprint.
 */
export function sendFingerprint({ clientId, text, channelId, transport, type, attachment }: SendIdentity): string {
  return JSON.stringify([clientId, text, channelId ?? null, transport ?? null, type ?? 'to_client', attachment?.url ?? null]);
}
