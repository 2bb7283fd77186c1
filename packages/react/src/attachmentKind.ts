import type { AttachmentKind } from '@c2d-console/core';

const KINDS: Array<[AttachmentKind, RegExp]> = [
  ['photo', /\.(jpe?g|png|gif|webp|heic|bmp)$/i],
  ['pdf', /\.pdf$/i],
  ['audio', /\.(mp3|ogg|oga|opus|m4a|wav|aac)$/i],
  ['video', /\.(mp4|mov|webm|m4v|3gp)$/i],
];

/** What a file is by its name (or URL), as `Attachment.kind` types it; `file` when unknown. */
export function attachmentKind(name: string): AttachmentKind {
  const path = name.split(/[?#]/, 1)[0] ?? name;
  return KINDS.find(([, pattern]) => pattern.test(path))?.[0] ?? 'file';
}
