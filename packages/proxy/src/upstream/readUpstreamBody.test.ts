import { describe, expect, it } from 'vitest';
import { setupLiveProxy } from '../test/setupLiveProxy.js';
import { formatBytes } from './readUpstreamBody.js';

const { upstream, start, call } = setupLiveProxy({ retry: { retries: 0 } });
const MIB = 1024 * 1024;

describe('upstream body limit (maxUpstreamBodyBytes)', () => {
  it('refuses an answer whose Content-Length is over the limit with 502, without reading it', async () => {
    await start({ maxUpstreamBodyBytes: MIB });
    upstream.on('GET', '/v1/clients', { hugeBytes: 50 * MIB, declareLength: true });
    const answer = await call('/clients');
    expect(answer).toMatchObject({
      status: 502,
      body: { error: { code: 'upstream_error', message: expect.stringContaining('more than 1 MiB, the proxy\'s limit (maxUpstreamBodyBytes)') } },
    });
    expect(await upstream.calls[0]?.written).toBe(false);
  });

  it('counts a streamed answer without Content-Length and hangs up at the limit', async () => {
    await start({ maxUpstreamBodyBytes: MIB });
    upstream.on('GET', '/v1/clients', { hugeBytes: 50 * MIB });
    const answer = await call('/clients');
    expect(answer.status).toBe(502);
    expect(answer.body.error.message).toContain('maxUpstreamBodyBytes');
    // The fake never got to write the whole 50 MiB: the proxy stopped reading.
    expect(await upstream.calls[0]?.written).toBe(false);
  });

  it('counts a gzip bomb by its inflated bytes: 256 MiB from a few hundred KB answers 502 under the default 4 MiB', async () => {
    await start();
    upstream.on('GET', '/v1/clients', { gzipBombBytes: 256 * MIB });
    const answer = await call('/clients');
    expect(answer.status).toBe(502);
    expect(answer.body.error.message).toContain('more than 4 MiB');
  });

  it('reads answers up to the limit, gzipped or not', async () => {
    await start({ maxUpstreamBodyBytes: 2 * MIB });
    upstream.on('GET', '/v1/clients', (c) => (c.query.get('offset') === '1' ? { gzipBombBytes: 2 * MIB } : { hugeBytes: 2 * MIB }));
    expect(await call('/clients')).toMatchObject({ status: 200, body: { data: [] } });
    expect(await call('/clients?offset=1')).toMatchObject({ status: 200, body: { data: [] } });
    expect(await Promise.all(upstream.calls.map((c) => c.written))).toEqual([true, true]);
  });

  it('refuses a limit that is not a positive number', async () => {
    await expect(start({ maxUpstreamBodyBytes: 0 })).rejects.toThrow(/maxUpstreamBodyBytes must be a positive number/);
  });
});

describe('formatBytes', () => {
  it('writes limits the way an operator sets them', () => {
    expect([100, 64 * 1024, 4 * MIB, 1.5 * MIB].map(formatBytes)).toEqual(['100 bytes', '64 KiB', '4 MiB', '1.5 MiB']);
  });
});
