import { describe, expect, it } from 'vitest';
import { setupTestRedis } from '../../test/setupTestRedis.js';
import type { EventLog, EventLogEntry, LoggedEvent } from '../eventLog/EventLog.js';
import { createRedisEventLog } from './createRedisEventLog.js';

const redis = setupTestRedis();

const inbox = (messageId: number): EventLogEntry => ({
  dedupeKey: `inbox:${messageId}`,
  hookType: 'inbox',
  payload: { hook_type: 'inbox', message_id: messageId },
  event: { type: 'message', time: '2026-11-02T10:00:00.000Z', data: { kind: 'inbox', clientId: 7, dialogId: 3, messageId, messageType: 'from_client', text: `hello ${messageId}` } },
});

/** The event logs of `count` proxy instances on one Redis, each with its own connections. */
async function instances(count: number): Promise<EventLog[]> {
  const namespace = redis.namespace();
  return Promise.all(
    Array.from({ length: count }, async (_, n) => {
      const connection = await redis.connect();
      const log = createRedisEventLog({ connection, namespace, openFollowerConnection: () => connection.duplicate(`events-${n}`) });
      redis.cleanup(() => log.close());
      return log;
    }),
  );
}

/** Collects what `log`'s subscribers hear. */
function heard(log: EventLog): LoggedEvent[] {
  const events: LoggedEvent[] = [];
  log.subscribe((event) => events.push(event));
  return events;
}

describe('createRedisEventLog across instances', () => {
  it('streams a webhook stored on A to the subscribers of C, in order', async () => {
    const [a, b, c] = await instances(3);
    if (!a || !b || !c) throw new Error('three logs expected');
    const onC = heard(c);
    const first = await a.append(inbox(1));
    const second = await b.append(inbox(2));
    await expect.poll(() => onC.map((event) => event.id), { timeout: 3000 }).toEqual([first.id, second.id]);
    expect(onC[0]).toMatchObject({ type: 'message', data: { messageId: 1 } });
  });

  it('resumes on B after an id a console saw on C', async () => {
    const [a, b, c] = await instances(3);
    if (!a || !b || !c) throw new Error('three logs expected');
    const onC = heard(c);
    await a.append(inbox(1));
    await expect.poll(() => onC.length, { timeout: 3000 }).toBe(1);
    const lastSeen = (onC[0] as LoggedEvent).id;
    // The console's connection drops; meanwhile two more webhooks land on A.
    const missed = [await a.append(inbox(2)), await a.append(inbox(3))];
    expect(await b.readAfter(lastSeen, 10)).toEqual({ events: missed.map((entry) => expect.objectContaining({ id: entry.id })), gap: false });
  });

  it('stores a delivery retried on two instances at once once', async () => {
    const [a, b] = await instances(2);
    if (!a || !b) throw new Error('two logs expected');
    const [one, two] = await Promise.all([a.append(inbox(9)), b.append(inbox(9))]);
    expect(one?.id).toBe(two?.id);
    expect([one?.duplicate, two?.duplicate].toSorted()).toEqual([false, true]);
    expect((await a.readAfter(null, 10)).events).toHaveLength(1);
  });

  it('refuses to store while Redis is down (so the webhook is retried), then streams again once it is back', async () => {
    const [a, c] = await instances(2);
    if (!a || !c) throw new Error('two logs expected');
    const onC = heard(c);
    const before = await a.append(inbox(1));
    await expect.poll(() => onC.length, { timeout: 3000 }).toBe(1);
    await redis.server.kill();
    try {
      await expect(a.append(inbox(2))).rejects.toMatchObject({ status: 503, code: 'unavailable' });
      await expect(c.readAfter(before.id, 10)).rejects.toMatchObject({ status: 503 });
    } finally {
      await redis.server.restart();
    }
    // Chat2Desk retries the refused delivery: it is stored now, and reaches C. The restarted
    // Redis kept nothing (no persistence here): a console resuming from before gets a gap.
    await expect.poll(() => a.append(inbox(2)).catch(() => undefined), { timeout: 5000 }).toMatchObject({ duplicate: false });
    await expect.poll(() => onC.map((event) => event.type === 'message' && event.data.messageId), { timeout: 5000 }).toEqual([1, 2]);
    expect(await c.readAfter(before.id, 10)).toEqual({ events: [], gap: true });
  }, 15_000);
});
