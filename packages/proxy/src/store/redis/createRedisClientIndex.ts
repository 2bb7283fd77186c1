import { checkPage } from '../Page.js';
import { type ClientIndex, type ClientIndexEntry, type ClientIndexStatus, type ClientIndexUpdate, INITIAL_CLIENT_INDEX_STATUS } from '../clientIndex/ClientIndex.js';
import { checkClientIndexStatus } from '../clientIndex/clientIndexStatus.js';
import { createClientSearchIndex } from '../clientIndex/createClientSearchIndex.js';
import { defineLua, type RedisConnection } from './createRedisConnection.js';
import { createStreamFollower, type StreamEntry } from './createStreamFollower.js';
import { isRedisUnavailable } from './RedisUnavailableError.js';

/** Options of {@link createRedisClientIndex}. */
export interface RedisClientIndexOptions {
  connection: RedisConnection;
  /** The account's key namespace (`redisNamespace`). */
  namespace: string;
  /** Opens the connection the change stream's `XREAD BLOCK` loop holds; the index closes it. */
  openFollowerConnection: () => RedisConnection;
  /** Change batches kept for instances that were away (default 10 000); one that missed more reloads. */
  changesKept?: number;
  /** How long an upsert waits for this instance's copy to have it (default 1 s). */
  syncWaitMs?: number;
  /** Receives what applying a change failed with. */
  onError?: (error: unknown) => void;
  /** How long the creation waits for the first load (default 5000 ms; 0 when Redis is known to be down, which the load then waits for). */
  loadWaitMs?: number;
}

/** A client as Redis keeps it: short field names, only those known (missing is null). */
interface StoredClient {
  n?: string | null;
  p?: string | null;
  a?: string | null;
  l?: string | null;
}

// `<ns>clients` is a hash id → JSON; every change appends the changed ids to the stream
// `<ns>clients:changes`, which each instance follows to update its in-memory copy. The merge
// happens here, in one script, so that two instances changing one client at once cannot undo
// each other: fields given replace, `l` (lastMessageAt, ISO 8601 in one spelling, so text order
// is time order) only moves forward.
const UPSERT = defineLua(`local ids = {}
for i = 2, #ARGV, 2 do
  local id = ARGV[i]
  local update = cjson.decode(ARGV[i + 1])
  local held_json = redis.call('HGET', KEYS[1], id)
  local held = held_json and cjson.decode(held_json) or {}
  for _, field in ipairs({'n', 'p', 'a'}) do
    if update[field] ~= nil then held[field] = update[field] end
  end
  local l = update.l
  if l ~= nil and l ~= cjson.null and (held.l == nil or held.l == cjson.null or l > held.l) then held.l = l end
  redis.call('HSET', KEYS[1], id, cjson.encode(held))
  ids[#ids + 1] = id
end
return redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[1], '*', 'ids', table.concat(ids, ','))`);

const REMOVE = defineLua(`redis.call('HDEL', KEYS[1], ARGV[2])
return redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[1], '*', 'ids', ARGV[2])`);

const toEntry = (id: number, stored: StoredClient): ClientIndexEntry => ({
  id,
  name: stored.n ?? null,
  phone: stored.p ?? null,
  assignedName: stored.a ?? null,
  lastMessageAt: stored.l ?? null,
});

/** The fields an update gives, in the stored spelling (`lastMessageAt` as `toISOString`). */
function toStoredUpdate(update: ClientIndexUpdate): StoredClient {
  const stored: StoredClient = {};
  if (update.name !== undefined) stored.n = update.name;
  if (update.phone !== undefined) stored.p = update.phone;
  if (update.assignedName !== undefined) stored.a = update.assignedName;
  if (update.lastMessageAt !== undefined && update.lastMessageAt !== null) stored.l = new Date(Date.parse(update.lastMessageAt)).toISOString();
  return stored;
}

/**
 * A {@link ClientIndex} shared by every proxy instance. Redis keeps the clients and merges every
 * change atomically; each instance searches its own in-memory copy (the structure of the other
 * indexes: 100 000 clients in a few milliseconds), loaded at start and kept in step by
 * following the stream of changed ids. Searching in Redis instead would need a module
 * (RediSearch) or a Lua scan of every client per query, which blocks Redis for far longer than
 * 20 ms at 100 000 clients. An upsert answers once this instance's copy has it. While Redis is
 * down searches go on from the copy (with the last status seen); changes fail with 503.
 */
export async function createRedisClientIndex(options: RedisClientIndexOptions): Promise<ClientIndex> {
  const { connection } = options;
  const clients = `${options.namespace}clients`;
  const changes = `${options.namespace}clients:changes`;
  const statusKey = `${options.namespace}clients:status`;
  const changesKept = options.changesKept ?? 10_000;
  const syncWaitMs = options.syncWaitMs ?? 1000;
  let index = createClientSearchIndex();
  let closed = false;

  const checkOpen = () => {
    if (closed) throw new Error('the client index is closed');
  };

  /** Every client in Redis, and the change stream's position they are as of (read first). */
  async function loadAll(): Promise<{ loaded: ReturnType<typeof createClientSearchIndex>; position: string }> {
    const [newest] = await connection.command<Array<[string, string[]]>>(['XREVRANGE', changes, '+', '-', 'COUNT', 1]);
    const loaded = createClientSearchIndex();
    const entries: ClientIndexEntry[] = [];
    let cursor = '0';
    do {
      // oxlint-disable-next-line no-await-in-loop -- HSCAN is a cursor walk
      const [next, flat] = await connection.command<[string, string[]]>(['HSCAN', clients, cursor, 'COUNT', 2000]);
      for (let at = 0; at + 1 < flat.length; at += 2) entries.push(toEntry(Number(flat[at]), JSON.parse(flat[at + 1] as string) as StoredClient));
      cursor = next;
    } while (cursor !== '0');
    loaded.put(entries);
    return { loaded, position: newest?.[0] ?? '0-0' };
  }

  /** Brings this instance's copy of the changed clients up to what Redis holds now. */
  async function apply(batch: StreamEntry[]): Promise<void> {
    const ids = [...new Set(batch.flatMap((entry) => (entry.fields.ids ?? '').split(',').filter(Boolean)))];
    if (ids.length === 0) return;
    const texts = await connection.command<Array<string | null>>(['HMGET', clients, ...ids]);
    const present: ClientIndexEntry[] = [];
    ids.forEach((id, at) => {
      const text = texts[at];
      if (text === null || text === undefined) index.remove(Number(id));
      else present.push(toEntry(Number(id), JSON.parse(text) as StoredClient));
    });
    index.put(present);
  }

  /** Replaces this instance's copy with what Redis holds; answers the change stream's position it is as of. */
  async function reload(): Promise<string> {
    const reloaded = await loadAll();
    index = reloaded.loaded;
    return reloaded.position;
  }

  // The first load is the follower's start, which it retries until Redis answers: an instance
  // started while Redis is down searches an empty copy until then.
  const follower = createStreamFollower({
    connection: options.openFollowerConnection(),
    key: changes,
    start: reload,
    onEntries: apply,
    // Away for longer than the kept changes (or Redis came back empty): load everything again.
    onLost: reload,
    onError: options.onError,
  });
  // Up to `loadWaitMs` for the first load, so that a search right after the start sees the index.
  await follower.reached('0-0', options.loadWaitMs ?? 5000);
  // The last status read: what a search answers with while Redis is down.
  let lastStatus: ClientIndexStatus | undefined;

  return {
    async upsert(updates) {
      checkOpen();
      // The local index checks them (with the other indexes' messages) before anything is sent.
      index.merge(updates);
      if (updates.length === 0) return;
      const args = updates.flatMap((update) => [String(update.id), JSON.stringify(toStoredUpdate(update))]);
      const id = await connection.run<string>(UPSERT, [clients, changes], [changesKept, ...args]);
      await follower.reached(id, syncWaitMs);
    },
    async remove(id) {
      checkOpen();
      const changeId = await connection.run<string>(REMOVE, [clients, changes], [changesKept, id]);
      await follower.reached(changeId, syncWaitMs);
    },
    async search(query, page) {
      checkOpen();
      checkPage(page);
      return index.search(query, page);
    },
    async status() {
      checkOpen();
      let text: string | null;
      try {
        text = await connection.command<string | null>(['GET', statusKey]);
      } catch (error) {
        // Searches go on from this instance's copy while Redis is down, with the status it last saw.
        if (isRedisUnavailable(error) && lastStatus) return { ...lastStatus };
        throw error;
      }
      lastStatus = text === null ? { ...INITIAL_CLIENT_INDEX_STATUS } : (JSON.parse(text) as ClientIndexStatus);
      return { ...lastStatus };
    },
    async setStatus(next) {
      checkOpen();
      const checked = checkClientIndexStatus(next);
      await connection.command(['SET', statusKey, JSON.stringify(checked)]);
      lastStatus = checked;
    },
    async close() {
      closed = true;
      await follower.close();
    },
  };
}
