import type { EventLog, LoggedEvent, StoredDelivery } from '../eventLog/EventLog.js';
import { createListenerSet } from '../eventLog/createListenerSet.js';
import { checkReadLimit } from '../eventLog/eventIds.js';
import { type EventLogOptions, resolveEventLogOptions } from '../eventLog/eventLogOptions.js';
import { encodeEntry } from '../eventLog/eventLogRows.js';
import { defineLua, type RedisConnection } from './createRedisConnection.js';
import { createStreamFollower, type StreamEntry, type StreamFollower, toEntries } from './createStreamFollower.js';
import { LUA_NOW_MS } from './redisKeys.js';

/** Options of {@link createRedisEventLog}. */
export interface RedisEventLogOptions extends EventLogOptions {
  connection: RedisConnection;
  /** The account's key namespace (`redisNamespace`). */
  namespace: string;
  /** Opens the connection the `XREAD BLOCK` loop holds (on the first `subscribe`); the log closes it. */
  openFollowerConnection: () => RedisConnection;
  /** How long an append waits for this instance's listeners to hear it (default 1 s). */
  listenerWaitMs?: number;
}

// Stream ids are `<ms>-<seq>` on one clock: the `now` option when given (tests), else Redis's
// own. `XADD <ms>-*` with `ms` never below the last id's keeps ids growing even if the clock
// steps back. `meta.last` is the newest id given (it survives pruning); `meta.pruned` the newest
// id pruning removed, which tells a reader whose id is older that it missed events.
const ID_OF = `local function ms_of(id) return tonumber(string.sub(id, 1, string.find(id, '-', 1, true) - 1)) end`;

// KEYS: stream, meta, dedupe key. ARGV: now ('' = Redis time), dedupe window ms, dedupe key,
// hook type, payload, event ('' = none).
const APPEND = defineLua(`${LUA_NOW_MS}
${ID_OF}
local now = ARGV[1] ~= '' and tonumber(ARGV[1]) or now_ms()
local seen = redis.call('GET', KEYS[3])
if seen then
  local bar = string.find(seen, '|', 1, true)
  if now - tonumber(string.sub(seen, bar + 1)) < tonumber(ARGV[2]) then return {string.sub(seen, 1, bar - 1), 1} end
end
local last = redis.call('HGET', KEYS[2], 'last')
local ms = now
if last and ms_of(last) > ms then ms = ms_of(last) end
local id = redis.call('XADD', KEYS[1], string.format('%d-*', ms), 'd', ARGV[3], 'h', ARGV[4], 'p', ARGV[5], 'e', ARGV[6], 't', string.format('%d', now))
redis.call('HSET', KEYS[2], 'last', id)
redis.call('SET', KEYS[3], id .. '|' .. string.format('%d', now), 'PX', ARGV[2])
return {id, 0}`);

// KEYS: stream, meta. ARGV: after id ('' = from the oldest kept), limit. Answers
// {gap, id1, event1, id2, event2, ...}: only deliveries that made an event, at most `limit`.
const READ_AFTER = defineLua(`${ID_OF}
local function before(a, b)
  local am, bm = ms_of(a), ms_of(b)
  if am ~= bm then return am < bm end
  return tonumber(string.sub(a, string.find(a, '-', 1, true) + 1)) < tonumber(string.sub(b, string.find(b, '-', 1, true) + 1))
end
local after = ARGV[1]
local limit = tonumber(ARGV[2])
if after ~= '' then
  local last = redis.call('HGET', KEYS[2], 'last')
  local pruned = redis.call('HGET', KEYS[2], 'pruned')
  if not last or before(last, after) then return {1} end
  if pruned and before(after, pruned) then return {1} end
  if after ~= pruned and #redis.call('XRANGE', KEYS[1], after, after) == 0 then return {1} end
end
local out = {0}
local start = after == '' and '-' or '(' .. after
while #out - 1 < limit * 2 do
  local batch = redis.call('XRANGE', KEYS[1], start, '+', 'COUNT', limit)
  for _, entry in ipairs(batch) do
    local fields = entry[2]
    for i = 1, #fields, 2 do
      if fields[i] == 'e' and fields[i + 1] ~= '' and #out - 1 < limit * 2 then
        out[#out + 1] = entry[1]
        out[#out + 1] = fields[i + 1]
      end
    end
  end
  if #batch < limit then break end
  start = '(' .. batch[#batch][1]
end
return out`);

// KEYS: stream, meta. ARGV: now ('' = Redis time), retention ms. Removes a prefix of the
// stream: every entry whose id (its time) is older than the retention; answers how many went.
const PRUNE = defineLua(`${LUA_NOW_MS}
local now = ARGV[1] ~= '' and tonumber(ARGV[1]) or now_ms()
local cutoff = string.format('%d', now - tonumber(ARGV[2]))
local newest = redis.call('XREVRANGE', KEYS[1], '(' .. cutoff .. '-0', '-', 'COUNT', 1)
if #newest == 0 then return 0 end
local id = newest[1][1]
local dash = string.find(id, '-', 1, true)
local removed = redis.call('XTRIM', KEYS[1], 'MINID', string.sub(id, 1, dash - 1) .. '-' .. string.format('%d', tonumber(string.sub(id, dash + 1)) + 1))
redis.call('HSET', KEYS[2], 'pruned', id)
return removed`);

/** A stream id as Redis gives them: `<ms>-<seq>`, both decimal. */
const STREAM_ID = /^\d{1,16}-\d{1,16}$/;

/** The logged event of a stream entry's `e` field. */
function decodeEvent(id: string, json: string): LoggedEvent {
  return { id, ...(JSON.parse(json) as Omit<LoggedEvent, 'id'>) } as LoggedEvent;
}

/** A stored delivery from its stream entry. */
function decodeDelivery(entry: StreamEntry): StoredDelivery {
  const { d = '', h = '', p = 'null', e = '', t = '0' } = entry.fields;
  return {
    id: entry.id,
    dedupeKey: d,
    hookType: h,
    payload: JSON.parse(p) as unknown,
    event: e === '' ? null : (JSON.parse(e) as StoredDelivery['event']),
    receivedAt: new Date(Number(t)).toISOString(),
  };
}

/**
 * An {@link EventLog} on a Redis Stream, shared by every proxy instance: `XADD` with the
 * delivery's dedupe key set in the same Lua script (a crash cannot store one without the
 * other); ids are stream ids, so a console can resume with `Last-Event-ID` on any instance.
 * `subscribe` hears the appends of every instance, through one `XREAD BLOCK` loop per instance
 * on a dedicated connection, in stream order; an append resolves once this instance's
 * listeners heard it. While Redis is down `append` fails with 503 (a webhook is then not
 * acknowledged, and Chat2Desk retries it).
 */
export function createRedisEventLog(options: RedisEventLogOptions): EventLog {
  const settings = resolveEventLogOptions(options);
  const { connection } = options;
  const listenerWaitMs = options.listenerWaitMs ?? 1000;
  const listeners = createListenerSet<LoggedEvent>(settings.onListenerError);
  const stream = `${options.namespace}events`;
  const meta = `${options.namespace}events:meta`;
  const dedupePrefix = `${options.namespace}events:dedupe:`;
  // Only given when the caller injects a clock; otherwise Redis's clock decides.
  const now = options.now === undefined ? () => '' : () => String(Math.floor(settings.now()));
  let follower: StreamFollower | undefined;
  let closed = false;

  const checkOpen = () => {
    if (closed) throw new Error('the event log is closed');
  };

  const follow = () => {
    follower ??= createStreamFollower({
      connection: options.openFollowerConnection(),
      key: stream,
      start: async () => (await connection.command<string | null>(['HGET', meta, 'last'])) ?? '0-0',
      onEntries(entries) {
        for (const entry of entries) {
          const event = entry.fields.e;
          if (event) listeners.emit(decodeEvent(entry.id, event));
        }
      },
      onError: settings.onListenerError,
    });
    return follower;
  };

  return {
    async append(entry) {
      checkOpen();
      const encoded = encodeEntry(entry);
      const [id, duplicate] = await connection.run<[string, number]>(
        APPEND,
        [stream, meta, dedupePrefix + entry.dedupeKey],
        [now(), settings.dedupeRetentionMs, entry.dedupeKey, encoded.hookType, encoded.payload, encoded.event ?? ''],
      );
      // This instance's listeners hear it (in stream order, from the follower) before the
      // append answers, as with the other logs; a stalled follower only delays the answer.
      if (!duplicate && encoded.event !== null && follower) await follower.reached(id, listenerWaitMs);
      return { id, duplicate: duplicate === 1 };
    },

    async readAfter(afterId, limit) {
      checkOpen();
      checkReadLimit(limit);
      if (afterId !== null && !STREAM_ID.test(afterId)) return { events: [], gap: true };
      const [gap, ...flat] = await connection.run<[number, ...string[]]>(READ_AFTER, [stream, meta], [afterId ?? '', limit]);
      if (gap === 1) return { events: [], gap: true };
      const events: LoggedEvent[] = [];
      for (let index = 0; index + 1 < flat.length; index += 2) events.push(decodeEvent(flat[index] as string, flat[index + 1] as string));
      return { events, gap: false };
    },

    async lastId() {
      checkOpen();
      return connection.command<string | null>(['HGET', meta, 'last']);
    },

    async delivery(id) {
      checkOpen();
      if (!STREAM_ID.test(id)) return undefined;
      const [entry] = toEntries(await connection.command<Array<[string, string[]]>>(['XRANGE', stream, id, id]));
      return entry ? decodeDelivery(entry) : undefined;
    },

    subscribe(listener) {
      checkOpen();
      follow();
      return listeners.subscribe(listener);
    },

    async prune(at) {
      checkOpen();
      // Dedupe keys expire by themselves (PX), after their own window.
      return connection.run<number>(PRUNE, [stream, meta], [at === undefined ? now() : String(Math.floor(at)), settings.retentionMs]);
    },

    async close() {
      closed = true;
      listeners.clear();
      await follower?.close();
    },
  };
}
