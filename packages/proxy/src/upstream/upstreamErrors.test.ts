import { describe, expect, it } from 'vitest';
import * as c2d from '../../test/fixtures/chat2desk/index.js';
import { bodyErrorAnswer, readBodyError } from './upstreamErrors.js';

const read = (body: unknown) => readBodyError(JSON.stringify(body));

describe('readBodyError: Chat2Desk’s error bodies, by their message', () => {
  it.each([
    [c2d.errorNotFound, 'not_found'],
    [c2d.errorPageNotFound, 'not_found'],
    [c2d.errorTokenIncorrect, 'token_rejected'],
    [c2d.errorNeedAuth, 'token_rejected'],
    [c2d.errorRateLimited, 'rate_limited'],
    [c2d.errorQuota, 'quota'],
    [c2d.errorSendRefused, 'refused'],
    [c2d.errorDialogAlreadyClosed, 'refused'],
  ])('%j is %s', (body, kind) => {
    expect(read(body)?.kind).toBe(kind);
  });

  it('carries the errors details into the reason: a field’s messages, or a string', () => {
    expect(read(c2d.errorSendRefused)?.reason).toBe('Validation failed (transport: transport is incorrect)');
    expect(read(c2d.errorDialogAlreadyClosed)?.reason).toBe('Bad request (Dialog already has state closed)');
    expect(read({ status: 'error', message: 'Bad', errors: { a: ['x', 'y'], b: 'z' } })?.reason).toBe('Bad (a: x, y; b: z)');
    expect(read({ status: 'error' })?.reason).toBe('error');
  });

  it('is undefined for success bodies and anything that is not JSON', () => {
    expect(read(c2d.clientItem)).toBeUndefined();
    expect(readBodyError('<html>')).toBeUndefined();
    expect(readBodyError('null')).toBeUndefined();
  });
});

describe('bodyErrorAnswer: what the proxy answers', () => {
  it('404 for not found, with the route’s message', () => {
    expect(bodyErrorAnswer({ kind: 'not_found', reason: 'not_found' }, 'GET', 'Client 7 not found')).toMatchObject({ status: 404, code: 'not_found', message: 'Client 7 not found' });
  });

  it('502 upstream_auth for a rejected token, saying who fixes it', () => {
    expect(bodyErrorAnswer({ kind: 'token_rejected', reason: 'Token is not correct' }, 'GET')).toMatchObject({
      status: 502,
      code: 'upstream_auth',
      message: expect.stringContaining('set CHAT2DESK_API_TOKEN'),
    });
  });

  it('503 upstream_quota for the monthly quota, with Retry-After and what to do', () => {
    expect(bodyErrorAnswer({ kind: 'quota', reason: 'x' }, 'GET')).toMatchObject({
      status: 503,
      code: 'upstream_quota',
      retryAfter: 60,
      message: expect.stringContaining('Ask your Chat2Desk admin'),
    });
  });

  it('a refused write is the caller’s 400 naming the field; a refused read is the proxy’s 502', () => {
    const refused = read(c2d.errorSendRefused);
    if (!refused) throw new Error('fixture not read');
    expect(bodyErrorAnswer(refused, 'POST')).toMatchObject({ status: 400, code: 'bad_request', message: 'Chat2Desk refused the request: Validation failed (transport: transport is incorrect)' });
    expect(bodyErrorAnswer(refused, 'GET')).toMatchObject({ status: 502, code: 'upstream_error' });
  });
});

describe('readBodyError and the HTTP status', () => {
  it('lets a known message decide whatever the status, and the status decide for an unknown message it explains', () => {
    expect(readBodyError(JSON.stringify(c2d.errorQuota), 500)?.kind).toBe('quota');
    expect(readBodyError(JSON.stringify(c2d.errorNotFound), 401)?.kind).toBe('not_found');
    for (const status of [401, 403, 404, 429, 500, 503]) expect(readBodyError(JSON.stringify({ status: 'error', message: 'Unauthorized' }), status)).toBeUndefined();
    expect(readBodyError(JSON.stringify(c2d.errorSendRefused), 422)?.kind).toBe('refused');
    expect(readBodyError(JSON.stringify(c2d.errorSendRefused), 200)?.kind).toBe('refused');
  });
});
