/**
 * What `SendMessageForm` lets an operator attach by default: the host's rule, not Chat2Desk's
 * (its API documents no limit; each messenger has its own: WhatsApp takes video up to 16 MB,
 * for one). A host that knows its channels passes its own.
 */
export const DEFAULT_ATTACHMENT_ACCEPT = 'image/*,video/*,audio/*,application/pdf,.doc,.docx,.xls,.xlsx,.txt,.csv,.zip';

/** The default largest attachment, in bytes (20 MB). */
export const DEFAULT_ATTACHMENT_MAX_BYTES = 20_000_000;

/**
 * Whether `file` matches an `accept` list as `<input type="file" accept>` reads it: `.ext`
 * (any case), `type/*` and exact MIME types, comma-separated. The file picker only suggests;
 * a file dropped or picked with "All files" is checked here.
 */
export function acceptsFile(accept: string, file: Pick<File, 'name' | 'type'>): boolean {
  const name = file.name.toLowerCase();
  const type = file.type.toLowerCase();
  return accept
    .split(',')
    .map((token) => token.trim().toLowerCase())
    .some((token) =>
      token.startsWith('.') ? name.endsWith(token) : token.endsWith('/*') ? type.startsWith(token.slice(0, -1)) : token !== '' && type === token,
    );
}
