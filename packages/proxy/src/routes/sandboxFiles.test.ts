import { describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { errorAnswer } from '../middleware/errorAnswers.js';
import type { ProxyEnv } from '../ProxyEnv.js';
import { createFileShelf } from '../sandbox/createFileShelf.js';
import { createSandboxFilesRoutes } from './sandboxFiles.js';

const quiet = { info: () => {}, error: () => {} };
const app = new Hono<ProxyEnv>()
  .route('/api/sandbox/files', createSandboxFilesRoutes(createFileShelf({ maxFileBytes: 1024 })))
  .onError(errorAnswer({ logger: quiet, redact: (text) => text }));
const upload = (form: FormData) => app.request('http://proxy.test/api/sandbox/files', { method: 'POST', body: form });
const formWith = (name: string, content: BlobPart, type: string) => {
  const form = new FormData();
  form.append('file', new File([content], name, { type }));
  return form;
};

describe('/sandbox/files', () => {
  it('keeps an upload and answers where it is served, under whatever prefix the proxy has', async () => {
    const answer = await upload(formWith('Счёт 11.pdf', '%PDF-1.7', 'application/pdf'));
    expect(answer.status).toBe(201);
    const { data } = (await answer.json()) as { data: { url: string; filename: string; size: number; contentType: string } };
    expect(data).toEqual({ url: expect.stringMatching(/^http:\/\/proxy\.test\/api\/sandbox\/files\/[\w-]+\/%D0%A1%D1%87%D1%91%D1%82%2011\.pdf$/), filename: 'Счёт 11.pdf', size: 8, contentType: 'application/pdf' });
    const served = await app.request(data.url);
    expect(served.headers.get('content-type')).toBe('application/pdf');
    expect(served.headers.get('content-disposition')).toBe("inline; filename*=UTF-8''%D0%A1%D1%87%D1%91%D1%82%2011.pdf");
    expect(await served.text()).toBe('%PDF-1.7');
  });

  it('serves a type that could run script as a download, and nothing it serves runs in the proxy’s origin', async () => {
    const { data } = (await (await upload(formWith('x.svg', '<svg onload="alert(1)"/>', 'image/svg+xml'))).json()) as { data: { url: string } };
    const served = await app.request(data.url);
    expect(served.headers.get('content-type')).toBe('application/octet-stream');
    expect(served.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(served.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
  });

  it.each([
    ['a JSON body', () => app.request('http://proxy.test/api/sandbox/files', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }), 400, 'multipart/form-data'],
    ['no file', () => upload(new FormData()), 400, 'file must be one file'],
    ['another field', () => { const form = formWith('a.txt', 'a', 'text/plain'); form.append('folder', 'x'); return upload(form); }, 400, 'unknown field "folder"'],
    ['a file over the limit', () => upload(formWith('big.bin', new Uint8Array(1025), 'application/octet-stream')), 413, 'larger than'],
  ] as const)('refuses %s, saying what to send', async (_, send, status, message) => {
    const answer = await send();
    expect(answer.status).toBe(status);
    expect(((await answer.json()) as { error: { message: string } }).error.message).toContain(message);
  });

  it('answers 404 for a file it does not have', async () => {
    expect((await app.request('http://proxy.test/api/sandbox/files/nope/a.txt')).status).toBe(404);
  });
});
