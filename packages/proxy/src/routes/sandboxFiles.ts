import { Hono } from 'hono';
import { limitBody } from '../middleware/limitBody.js';
import type { ProxyEnv } from '../ProxyEnv.js';
import { ProxyError } from '../ProxyError.js';
import { createFileShelf, type FileShelf } from '../sandbox/createFileShelf.js';

/** Room for the multipart framing around one file. */
const MULTIPART_OVERHEAD_BYTES = 16 * 1024;

/** Types a browser may show inline from the proxy's origin: none of them runs script. Anything else is a download. */
const INLINE_TYPES = /^(image\/(png|jpeg|gif|webp)|application\/pdf|audio\/[\w.+-]+|video\/[\w.+-]+|text\/plain)$/;

/**
 * `/sandbox/files` (sandbox mode only, public like the fake web UI): `POST` a file as
 * `multipart/form-data` in a field named `file` and get back `201 { data: { url, filename,
 * size, contentType } }`; `GET` that URL serves it. It stands in for the host's storage, so a
 * `SendMessageForm`'s `uploadFile` works offline: the URL is what `attachment.url` of `POST
 * /messages` takes. Files live in memory, bounded (`createFileShelf`); scriptable types (HTML,
 * SVG...) are served as downloads, never inline.
 */
export function createSandboxFilesRoutes(shelf: FileShelf = createFileShelf()) {
  return new Hono<ProxyEnv>()
    .post('/', limitBody(shelf.maxFileBytes + MULTIPART_OVERHEAD_BYTES), async (c) => {
      if (!/^multipart\/form-data\b/i.test(c.req.header('content-type') ?? '')) {
        throw new ProxyError(400, 'bad_request', 'Send the file as multipart/form-data, in a field named "file"');
      }
      let form: Record<string, string | File | Array<string | File>>;
      try {
        form = await c.req.parseBody({ all: true });
      } catch {
        throw new ProxyError(400, 'bad_request', 'The body is not valid multipart/form-data');
      }
      const unknown = Object.keys(form).filter((key) => key !== 'file');
      if (unknown.length > 0) throw new ProxyError(400, 'bad_request', `Invalid body: unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((key) => `"${key}"`).join(', ')}; the allowed one is file`);
      const file = form.file;
      if (!(file instanceof File)) throw new ProxyError(400, 'bad_request', 'Invalid body: file must be one file (multipart/form-data with a filename)');
      let shelved;
      try {
        shelved = shelf.put(file.name, file.type || 'application/octet-stream', new Uint8Array(await file.arrayBuffer()));
      } catch (error) {
        throw new ProxyError(413, 'payload_too_large', (error as Error).message);
      }
      // Where the proxy answers this request, whatever prefix it is mounted under.
      const base = c.req.url.split('?')[0]?.replace(/\/+$/, '') ?? '';
      const url = `${base}/${shelved.id}/${encodeURIComponent(shelved.name)}`;
      return c.json({ data: { url, filename: shelved.name, size: shelved.bytes.byteLength, contentType: shelved.contentType } }, 201);
    })
    .get('/:id/:name', (c) => {
      const file = shelf.get(c.req.param('id'));
      if (!file) throw new ProxyError(404, 'not_found', 'No such file: the sandbox keeps uploads in memory, so they are gone after a restart');
      const inline = INLINE_TYPES.test(file.contentType);
      return c.body(file.bytes, 200, {
        'content-type': inline ? file.contentType : 'application/octet-stream',
        'content-disposition': `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        // Whatever it is, it runs nothing in the proxy's origin.
        'content-security-policy': "default-src 'none'; sandbox",
      });
    });
}
