// @vitest-environment node
// (FormData and File as the browser has them: Node's, not jsdom's, which lack Blob.text())
import { describe, expect, it, vi } from 'vitest';
import { createSandboxUpload } from './sandboxUpload.ts';

const file = () => new File(['%PDF-1.4'], 'offer.pdf', { type: 'application/pdf' });

describe('sandbox upload', () => {
  it('posts the file as multipart form data and answers where the sandbox keeps it', async () => {
    const fetchFile = vi.fn<typeof fetch>(async () =>
      Response.json({ data: { url: 'http://127.0.0.1:5173/sandbox/files/f1/offer.pdf', filename: 'offer.pdf', size: 8, contentType: 'application/pdf' } }, { status: 201 }),
    );
    const upload = createSandboxUpload('/sandbox/files', fetchFile);
    expect(await upload(file())).toEqual({ url: 'http://127.0.0.1:5173/sandbox/files/f1/offer.pdf', filename: 'offer.pdf' });
    const [url, init] = fetchFile.mock.calls[0]!;
    expect(url).toBe('/sandbox/files');
    expect(init).toMatchObject({ method: 'POST', body: expect.any(FormData) });
    const sent = (init!.body as FormData).get('file') as File;
    expect(sent.name).toBe('offer.pdf');
    expect(await sent.text()).toBe('%PDF-1.4');
  });

  it("fails with the sandbox's reason, for the form to show", async () => {
    const tooLarge = { error: { code: 'payload_too_large', message: 'offer.pdf is over the 10 MiB a file the sandbox keeps' } };
    const upload = createSandboxUpload('/sandbox/files', async () => Response.json(tooLarge, { status: 413 }));
    await expect(upload(file())).rejects.toThrow('offer.pdf is over the 10 MiB a file the sandbox keeps');
  });

  it('names the file and the status when the answer is not the store’s', async () => {
    const upload = createSandboxUpload('/sandbox/files', async () => new Response('<html>gateway</html>', { status: 502 }));
    await expect(upload(file())).rejects.toThrow('The sandbox did not store offer.pdf (HTTP 502)');
  });
});
