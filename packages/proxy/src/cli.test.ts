import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sign } from 'hono/jwt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as c2d from '../test/fixtures/chat2desk/index.js';
import { setupFakeUpstream } from './test/setupLiveProxy.js';

// The CLI runs from its TypeScript source through tsx, from the repo root so the workspace's
// tsconfig paths resolve @c2d-console/core to its source (no build needed).
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const cliPath = fileURLToPath(new URL('./cli.ts', import.meta.url));
const TOKEN = 'cli-test-token-1234567890abcdef1234567890';

interface Cli {
  child: ChildProcess;
  stdout: string[];
  stderr: string[];
  exited: Promise<number | null>;
  /** Resolves with the URL from the "listening" line. */
  listening: Promise<string>;
}

// Live mode keeps its store in C2D_PROXY_DATA_DIR: a folder of this file's, not the repo root.
let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'c2d-cli-'));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

function runCli(env: Record<string, string>, args: string[] = []): Cli {
  const child = spawn(process.execPath, ['--import', 'tsx', cliPath, ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH, PORT: '0', C2D_PROXY_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  let onUrl: (url: string) => void = () => {};
  const listening = new Promise<string>((resolve) => {
    onUrl = resolve;
  });
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    for (const line of chunk.split('\n').filter(Boolean)) {
      stdout.push(line);
      // Log lines are JSON; `check` prints text.
      const url = line.startsWith('{') ? (JSON.parse(line) as { url?: string }).url : undefined;
      if (url) onUrl(url);
    }
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout, stderr, exited, listening };
}

const upstream = setupFakeUpstream();
const running: Cli[] = [];

afterEach(() => {
  for (const cli of running.splice(0)) cli.child.kill('SIGKILL');
});

// Each test starts Node with tsx (one or two processes): seconds on a busy machine, where the
// whole suite shares two cores with Chromium.
describe('c2d-proxy CLI', { timeout: 30_000 }, () => {
  it('serves the sandbox with no token, on 127.0.0.1 whatever HOST says', async () => {
    const cli = runCli({ HOST: '0.0.0.0' });
    running.push(cli);
    const url = await cli.listening;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(JSON.parse(cli.stdout[0]!)).toMatchObject({ mode: 'sandbox' });
    expect(cli.stderr.join('')).toContain('HOST=0.0.0.0 is ignored in sandbox mode');
    expect(await (await fetch(`${url}/health`)).json()).toEqual({ status: 'ok', mode: 'sandbox' });
    const clients = (await (await fetch(`${url}/clients?limit=1`)).json()) as { data: Array<{ assignedName?: unknown }> };
    expect(clients.data[0]).toHaveProperty('assignedName');
    expect((await fetch(`${url}/chat/all?minifiedView=1`)).status).toBe(200);
    cli.child.kill('SIGINT');
    expect(await cli.exited).toBe(0);
  });

  it('refuses live mode without auth, saying how to configure it', async () => {
    const cli = runCli({ CHAT2DESK_API_TOKEN: TOKEN, CHAT2DESK_API_URL: upstream.url });
    running.push(cli);
    expect(await cli.exited).toBe(1);
    const output = cli.stderr.join('');
    expect(output).toContain('C2D_PROXY_JWT_SECRET');
    expect(output).not.toContain(TOKEN);
  });

  it('serves live mode against CHAT2DESK_API_URL with JWT auth, logs JSON lines, and stops on SIGTERM', async () => {
    const secret = 'whsec-cli-test-0123456789';
    const cli = runCli({ CHAT2DESK_API_TOKEN: TOKEN, CHAT2DESK_API_URL: upstream.url, C2D_PROXY_JWT_SECRET: 's', C2D_WEBHOOK_SECRET: secret });
    running.push(cli);
    const url = await cli.listening;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(JSON.parse(cli.stdout[0]!)).toMatchObject({ level: 'info', mode: 'live', msg: expect.stringContaining('live mode') });

    expect((await fetch(`${url}/clients`)).status).toBe(401);
    const jwt = await sign({ exp: Math.floor(Date.now() / 1000) + 60 }, 's', 'HS256');
    const answer = await fetch(`${url}/clients/1201`, { headers: { authorization: `Bearer ${jwt}` } });
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { data: { assignedName: string } }).data.assignedName).toBe('Айгерим (VIP)');
    expect(upstream.callsTo('/v1/clients/1201')[0]?.headers.authorization).toBe(TOKEN);
    // Webhooks at C2D_WEBHOOK_SECRET, kept in the SQLite file under C2D_PROXY_DATA_DIR.
    const hook = await fetch(`${url}/webhooks/chat2desk/${secret}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(c2d.hookInbox) });
    expect(await hook.json()).toEqual({ data: { id: '1', duplicate: false } });
    expect(await readdir(dataDir)).toContain('c2d-proxy.sqlite');

    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
    const lines = cli.stdout.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toContainEqual(expect.objectContaining({ method: 'GET', route: '/clients/:id', status: 200, upstreamCalls: 1 }));
    expect(lines.at(-1)).toMatchObject({ msg: 'c2d-proxy stopped' });
    expect(cli.stdout.join('\n')).not.toContain(TOKEN);
    expect(cli.stdout.join('\n')).not.toContain(secret);
  });

  it('webhooks list prints the account’s webhooks with their delivery errors', async () => {
    upstream.on('GET', '/v1/webhooks', { body: c2d.webhooksList });
    const list = runCli({ CHAT2DESK_API_TOKEN: TOKEN, CHAT2DESK_API_URL: upstream.url }, ['webhooks', 'list']);
    running.push(list);
    expect(await list.exited).toBe(0);
    expect(list.stdout).toEqual(expect.arrayContaining(['#31 c2d-console enabled', '            2025-09-09T13:20:25.000Z  Connection timed out']));
    upstream.reset();
  });

  it('--fake-chat2desk serves a Chat2Desk-shaped API that a live proxy can run against', async () => {
    const fake = runCli({}, ['--fake-chat2desk']);
    running.push(fake);
    const fakeUrl = await fake.listening;
    const raw = (await (await fetch(`${fakeUrl}/v1/clients?limit=1`, { headers: { authorization: 'x' } })).json()) as {
      data: Array<Record<string, unknown>>;
      status: string;
    };
    expect(raw.status).toBe('success');
    expect(raw.data[0]).toHaveProperty('assigned_name');

    const live = runCli({ CHAT2DESK_API_URL: fakeUrl, CHAT2DESK_API_TOKEN: 'x', C2D_PROXY_JWT_SECRET: 's' });
    running.push(live);
    const url = await live.listening;
    const jwt = await sign({ exp: Math.floor(Date.now() / 1000) + 60 }, 's', 'HS256');
    const answer = (await (await fetch(`${url}/clients?limit=1`, { headers: { authorization: `Bearer ${jwt}` } })).json()) as {
      data: Array<Record<string, unknown>>;
    };
    expect(answer.data[0]).toMatchObject({ id: raw.data[0]?.id, assignedName: raw.data[0]?.assigned_name });
    // Two CLI processes start through tsx: slow on a busy machine.
  });

  it('check: all green against --fake-chat2desk; with a rejected token, one line and exit 1', async () => {
    const fake = runCli({}, ['--fake-chat2desk']);
    running.push(fake);
    const fakeUrl = await fake.listening;
    const check = runCli({ CHAT2DESK_API_URL: fakeUrl, CHAT2DESK_API_TOKEN: 'x' }, ['check']);
    running.push(check);
    expect(await check.exited).toBe(0);
    expect(check.stdout.filter((l) => l.startsWith('✓'))).toHaveLength(8);
    expect(check.stdout.at(-1)).toBe('All 8 checks passed: the console can run with this token.');

    const badToken = runCli({ C2D_SANDBOX_FAULTS: 'bad-token' }, ['--fake-chat2desk']);
    running.push(badToken);
    const refused = runCli({ CHAT2DESK_API_URL: await badToken.listening, CHAT2DESK_API_TOKEN: TOKEN }, ['check']);
    running.push(refused);
    expect(await refused.exited).toBe(1);
    expect(refused.stdout).toEqual([expect.stringMatching(/^✗ Chat2Desk at http:\/\/127\.0\.0\.1:\d+ rejected the token: Set CHAT2DESK_API_TOKEN/)]);
    expect(refused.stdout.join('')).not.toContain(TOKEN);
  });

  it('check: says which variable to set when there is no token', async () => {
    const check = runCli({}, ['check']);
    running.push(check);
    expect(await check.exited).toBe(2);
    expect(check.stderr.join('')).toContain('set CHAT2DESK_API_TOKEN');
  });
});
