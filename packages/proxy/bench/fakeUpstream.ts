/**
 * Child process of the benchmark: a fake Chat2Desk (20 clients a page, 20 ms latency) that
 * counts its calls. Runs under tsx (it reuses the tests' fake). IPC: sends { type: 'ready', url }
 * once listening; answers { type: 'stats' } with { calls, rss }.
 */
import { createFakeUpstream, upstreamClients } from '../src/test/createFakeUpstream.js';

const upstream = await createFakeUpstream();
upstream.latencyMs = 20;
const clients = Array.from({ length: 20 }, (_, i) => ({ ...upstreamClients[i % 2]!, id: 1000 + i }));
upstream.on('GET', '/v1/clients', { body: { data: clients, meta: { total: 500, limit: 20, offset: 0 }, status: 'success' } });

process.on('message', (message: { type?: string }) => {
  if (message.type === 'stats') process.send?.({ type: 'stats', calls: upstream.calls.length, rss: process.memoryUsage().rss });
});
process.send?.({ type: 'ready', url: upstream.url });
