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
export function acceptsFile(accept: string, { name, type }: Pick<File, 'name' | 'type'>): boolean {
  return accept
    .toLowerCase()
    .split(',')
    .map((token) => token.trim())
    .some((token) =>
      token[0] === '.' ? name.toLowerCase().endsWith(token) : token.endsWith('/*') ? type.startsWith(token.slice(0, -1)) : !!token && type === token,
    );
}
