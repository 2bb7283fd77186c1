import { createProxy } from '../createProxy.js';
import type { ProxyOptions } from '../options.js';
import { serveProxy } from '../serveProxy.js';

/** A proxy answer's JSON, loosely typed for assertions (any field may be absent). */
export interface AnswerBody {
  data: Array<Record<string, unknown>> & Record<string, unknown>;
  meta: Record<string, unknown>;
  error: { code: string; message: string };
  status: unknown;
  mode: unknown;
  /** `/health` with Redis: its state. */
  redis: Record<string, unknown>;
}

/** Status, headers and parsed JSON of one answer. */
export interface Answer {
  status: number;
  headers: Headers;
  body: AnswerBody;
}

/** A proxy listening on a free loopback port, with its log lines captured. */
export interface TestProxy {
  url: string;
  /** Every log line the proxy wrote (JSON strings). */
  logs: string[];
  /** `fetch` against the proxy: `request('/clients?limit=5')`. */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** `request`, then the JSON body parsed. */
  call(path: string, init?: RequestInit): Promise<Answer>;
  close(): Promise<void>;
}

/** A JSON POST init. */
export const postJson = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

/** Starts `createProxy(options)` over real HTTP on 127.0.0.1 (port 0), without signal handlers. */
export async function startProxy(options: ProxyOptions): Promise<TestProxy> {
  const logs: string[] = [];
  const app = createProxy({
    logger: { info: (line) => logs.push(line), error: (line) => logs.push(line) },
    ...options,
  });
  const server = await serveProxy(app, { port: 0, signals: [] });
  const request = (path: string, init?: RequestInit) => fetch(server.url + path, init);
  return {
    url: server.url,
    logs,
    request,
    async call(path, init) {
      const response = await request(path, init);
      return { status: response.status, headers: response.headers, body: (await response.json()) as AnswerBody };
    },
    close: () => server.close(),
  };
}
