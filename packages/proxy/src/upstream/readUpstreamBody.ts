import { ProxyError } from '../ProxyError.js';

/** An upstream answer's body as text, and its size in bytes as read (after decompression). */
export interface UpstreamBody {
  text: string;
  bytes: number;
}

/** `4 MiB`, `512 KiB`, `100 bytes`: a byte limit as an error message shows it. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KiB`;
  return `${bytes} bytes`;
}

const tooLarge = (maxBytes: number) =>
  new ProxyError(
    502,
    'upstream_error',
    `Chat2Desk answered more than ${formatBytes(maxBytes)}, the proxy's limit (maxUpstreamBodyBytes); ask for a smaller page`,
  );

/**
 * Reads `response`'s body as UTF-8 text, refusing one larger than `maxBytes` with a 502: first
 * by its `Content-Length`, then by counting while it streams. `fetch` hands over a gzip or
 * brotli answer already decompressed, so decompressed bytes are counted and a small gzip bomb
 * is stopped at the limit instead of being inflated whole. The rest of a refused body is
 * never read: the stream is cancelled, which drops the connection.
 */
export async function readUpstreamBody(response: Response, maxBytes: number): Promise<UpstreamBody> {
  const declared = Number(response.headers.get('content-length'));
  // With a Content-Encoding the declared length is the compressed one: only counting tells.
  if (!response.headers.has('content-encoding') && declared > maxBytes) {
    void response.body?.cancel().catch(() => {});
    throw tooLarge(maxBytes);
  }
  if (!response.body) return { text: '', bytes: 0 };
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  // Leaving the loop early (the throw) cancels the stream.
  for await (const chunk of response.body) {
    bytes += chunk.byteLength;
    if (bytes > maxBytes) throw tooLarge(maxBytes);
    text += decoder.decode(chunk, { stream: true });
  }
  return { text: text + decoder.decode(), bytes };
}
