import { describe, expect, it } from 'vitest';
import * as c2d from '../test/fixtures/chat2desk/index.js';
import { DEFAULT_UPSTREAM_URL } from './options.js';
import { formatCheck, runCheck } from './runCheck.js';
import { jsonShapeMismatches, jsonShapeOf } from './test/jsonShape.js';
import { readBodyError } from './upstream/upstreamErrors.js';

// The contract checks against the real Chat2Desk API, read-only (`pnpm --filter
// @c2d-console/proxy test:live`; not in `pnpm test` or CI: it needs a token and spends a few
// of the account's billed API calls, about twenty). The offline tests hold the proxy to the
// fixtures in test/fixtures/chat2desk; these hold the fixtures to the API. When a shape check
// fails, the API has changed or a fixture was wrong: update the fixture from the answer shown,
// naming the live API as its source, then the mapping if it no longer reads it.

const token = process.env.CHAT2DESK_API_TOKEN?.trim();
const baseUrl = (process.env.CHAT2DESK_API_URL?.trim() || DEFAULT_UPSTREAM_URL).replace(/\/+$/, '');
const pause = () => new Promise((resolve) => setTimeout(resolve, 300));

async function get(path: string): Promise<unknown> {
  await pause();
  const response = await fetch(baseUrl + path, { headers: { authorization: token ?? '', accept: 'application/json' } });
  const body: unknown = await response.json();
  const error = readBodyError(JSON.stringify(body), response.status);
  if (error) throw new Error(`${path}: Chat2Desk answered ${error.kind} (${error.reason})`);
  return body;
}

const differences = (body: unknown, ...fixtures: unknown[]) => jsonShapeMismatches(body, jsonShapeOf(fixtures));

describe.runIf(token)(`the real Chat2Desk API at ${baseUrl}, read-only`, () => {
  it('answers every call the console needs (what `c2d-proxy check` prints)', async () => {
    const result = await runCheck({ baseUrl, token: token ?? '', fetch: (url, init) => fetch(url, init) });
    // On failure the diff shows the whole report, with what to do.
    expect(result.ok ? 'ok' : formatCheck(result, baseUrl)).toBe('ok');
  });

  it('answers in the shapes of the contract fixtures', async () => {
    const clients = (await get('/v1/clients?limit=5')) as { data: Array<{ id: number }> };
    const client = clients.data[0];
    const messages = client ? ((await get(`/v1/messages?client_id=${client.id}&limit=20&order=desc`)) as { data: Array<{ dialog_id: number | null }> }) : undefined;
    const dialogId = messages?.data.find((m) => m.dialog_id !== null)?.dialog_id;
    const checks: Array<[string, () => Promise<unknown>, unknown[]]> = [
      ['GET /v1/companies/api_info', () => get('/v1/companies/api_info'), [c2d.apiInfo]],
      ['GET /v1/clients', async () => clients, [c2d.clientsList]],
      ['GET /v1/channels', () => get('/v1/channels?limit=200'), [c2d.channelsList]],
      ['GET /v1/operators', () => get('/v1/operators?limit=200'), [c2d.operatorsList]],
      ['GET /v1/dialogs', () => get('/v1/dialogs?limit=5'), [c2d.dialogsList]],
    ];
    if (client) {
      checks.push(['GET /v1/clients/{id}', () => get(`/v1/clients/${client.id}`), [c2d.clientItem, { ...c2d.clientItem, data: c2d.clientTwo }]]);
      checks.push(['GET /v1/clients/{id}/transport', () => get(`/v1/clients/${client.id}/transport`), [c2d.clientTransport]]);
      checks.push(['GET /v1/messages', async () => messages, [c2d.messagesList]]);
    }
    if (dialogId) checks.push(['GET /v1/dialogs/{id}', () => get(`/v1/dialogs/${dialogId}`), [c2d.dialogItem, { ...c2d.dialogItem, data: c2d.dialogClosed }]]);
    const found: Record<string, string[]> = {};
    for (const [name, ask, fixtures] of checks) {
      // One call after another: the account's rate limit is not published.
      // oxlint-disable-next-line no-await-in-loop
      const problems = differences(await ask(), ...fixtures);
      if (problems.length > 0) found[name] = problems;
    }
    expect(found).toEqual({});
  });

  it('reports an unknown record in an error body the proxy knows', async () => {
    await pause();
    const response = await fetch(`${baseUrl}/v1/dialogs/999999999`, { headers: { authorization: token ?? '' } });
    expect(readBodyError(await response.text(), response.status)?.kind ?? `HTTP ${response.status}`).toBe('not_found');
  });
});
