/** Strings of SendMessageForm. */
export interface SendStrings {
  sendLabel: string;
  sendPlaceholder: string;
  sendButton: string;
  sendSending: string;
  sendChannel: string;
  sendFailed: (reason: string) => string;
  /** After a failure that does not prove the message stayed unsent (timeout, 5xx, lost answer). */
  sendUnconfirmed: (reason: string) => string;
  sendTooLong: (length: number, max: number) => string;
  /** The proxy refused: this seat may not send this (the proxy's message names the right). */
  sendRefused: (reason: string) => string;
  /** The Reply / Note switch. */
  sendKind: string;
  sendKinds: Record<'to_client' | 'comment', string>;
  notePlaceholder: string;
  noteButton: string;
  quickReplies: string;
  /** Said when the list opens or narrows: how many match, and the keys. */
  quickRepliesFound: (count: number) => string;
  quickRepliesNone: string;
  attach: string;
  /** The limits, said before a file is picked: "Up to 20 MB: photos, video, …" (`accept` null: the default list). */
  attachLimits: (megabytes: number, accept: string | null) => string;
  attachUploading: (name: string) => string;
  attachRemove: (name: string) => string;
  attachTooBig: (name: string, megabytes: number) => string;
  attachWrongType: (name: string) => string;
  attachFailed: (name: string, reason: string) => string;
}

/** Strings of SendMessageForm, in English (built in; other languages are packs: `locales/`). */
export const sendStrings: SendStrings = {
  sendLabel: 'Message',
  sendPlaceholder: 'Write a message… / for quick replies',
  sendButton: 'Send',
  sendSending: 'Sending…',
  sendChannel: 'Channel',
  sendFailed: (reason) => `Not sent: ${reason}. Try again.`,
  sendUnconfirmed: (reason) => `Not confirmed: ${reason}. It may still have been delivered: check the history before sending again.`,
  sendTooLong: (length, max) => `Too long: ${length} of ${max} characters`,
  sendRefused: (reason) => `Not allowed: ${reason}.`,
  sendKind: 'Write',
  sendKinds: { to_client: 'Reply', comment: 'Note' },
  notePlaceholder: 'Internal note: only operators see it…',
  noteButton: 'Add note',
  quickReplies: 'Quick replies',
  quickRepliesFound: (count) => `Quick replies: ${count}. Arrows choose, Enter inserts, Escape closes`,
  quickRepliesNone: 'No quick reply matches',
  attach: 'Attach a file',
  attachLimits: (megabytes, accept) => `Up to ${megabytes} MB: ${accept ?? 'photos, video, audio, PDF, documents'}`,
  attachUploading: (name) => `Uploading ${name}…`,
  attachRemove: (name) => `Remove ${name}`,
  attachTooBig: (name, megabytes) => `${name} is larger than ${megabytes} MB`,
  attachWrongType: (name) => `${name}: this file type is not allowed`,
  attachFailed: (name, reason) => `Could not upload ${name}: ${reason}`,
};
