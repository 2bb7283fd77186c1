import { checkPage } from '../Page.js';
import type { RecordedTransfer, TransferFilter, TransferStore } from '../transfers/TransferStore.js';
import { checkTransferInput, parseTime } from '../transfers/transferInput.js';
import { defineLua, type RedisConnection } from './createRedisConnection.js';
import { LUA_NOW_MS } from './redisKeys.js';

/** Options of {@link createRedisTransferStore}. */
export interface RedisTransferStoreOptions {
  connection: RedisConnection;
  /** The account's key namespace (`redisNamespace`). */
  namespace: string;
  /** Clock in milliseconds (tests): the default `asOf` of `setDialogOperator` (default Redis's clock). */
  now?: () => number;
}

// Keys under `<ns>transfers:`: `seq` (ids), `data` (hash id → JSON), `keys` (hash of dialog +
// new operator + time → id: a retry is recorded once), `operators` (hash dialog →
// `<operator or empty>|<as of ms>`), and one sorted set per filter value (`all`, `dialog:<id>`,
// `client:<id>`, `operator:<id>` for either side) scored by `created`, members zero-padded ids
// so that equal times order by id.
const NOTE_OPERATOR = `local function note_operator(dialog, operator, as_of)
  local known = redis.call('HGET', KEYS[4], dialog)
  if known then
    local bar = string.find(known, '|', 1, true)
    if tonumber(string.sub(known, bar + 1)) > as_of then return end
  end
  redis.call('HSET', KEYS[4], dialog, operator .. '|' .. string.format('%d', as_of))
end`;

// KEYS: seq, data, keys, operators. ARGV: dedupe key, dialog, client ('' = none), from ('' =
// none, '?' = the dialog's last known operator), to, created ms, the JSON after `id` and
// `fromOperatorId`, index prefix. Answers {json, duplicate}.
const RECORD = defineLua(`${NOTE_OPERATOR}
local seen = redis.call('HGET', KEYS[3], ARGV[1])
if seen then return {redis.call('HGET', KEYS[2], seen), 1} end
local from = ARGV[4]
if from == '?' then
  local known = redis.call('HGET', KEYS[4], ARGV[2])
  from = known and string.sub(known, 1, string.find(known, '|', 1, true) - 1) or ''
  if from == ARGV[5] then from = '' end
end
local id = redis.call('INCR', KEYS[1])
local json = '{"id":' .. id .. ',"fromOperatorId":' .. (from == '' and 'null' or from) .. ARGV[7]
local member = string.format('%016d', id)
local created = tonumber(ARGV[6])
redis.call('HSET', KEYS[2], id, json)
redis.call('HSET', KEYS[3], ARGV[1], id)
redis.call('ZADD', ARGV[8] .. 'all', created, member)
redis.call('ZADD', ARGV[8] .. 'dialog:' .. ARGV[2], created, member)
if ARGV[3] ~= '' then redis.call('ZADD', ARGV[8] .. 'client:' .. ARGV[3], created, member) end
redis.call('ZADD', ARGV[8] .. 'operator:' .. ARGV[5], created, member)
if from ~= '' and from ~= ARGV[5] then redis.call('ZADD', ARGV[8] .. 'operator:' .. from, created, member) end
note_operator(ARGV[2], ARGV[5], created)
return {json, 0}`);

// KEYS: seq, data, keys, operators (only the last is used). ARGV: dialog, operator ('' = none),
// as of ms ('' = Redis time).
const SET_OPERATOR = defineLua(`${LUA_NOW_MS}
${NOTE_OPERATOR}
note_operator(ARGV[1], ARGV[2], ARGV[3] ~= '' and tonumber(ARGV[3]) or now_ms())
return 1`);

/**
 * A {@link TransferStore} in Redis, shared by every proxy instance: each record is one Lua
 * script (dedupe of webhook retries, id, the filter indexes and the dialog's operator at once),
 * lists are sorted sets read newest first, intersected when filters combine.
 */
export function createRedisTransferStore(options: RedisTransferStoreOptions): TransferStore {
  const { connection } = options;
  const prefix = `${options.namespace}transfers:`;
  const keys = [`${prefix}seq`, `${prefix}data`, `${prefix}keys`, `${prefix}operators`];
  let closed = false;

  const checkOpen = () => {
    if (closed) throw new Error('the transfer store is closed');
  };

  /** The transfers stored under `members` (zero-padded ids), in that order. */
  async function load(members: string[]): Promise<RecordedTransfer[]> {
    if (members.length === 0) return [];
    const texts = await connection.command<Array<string | null>>(['HMGET', `${prefix}data`, ...members.map((member) => String(Number(member)))]);
    return texts.filter((text): text is string => text !== null).map((text) => JSON.parse(text) as RecordedTransfer);
  }

  return {
    async record(input) {
      checkOpen();
      const checked = checkTransferInput(input);
      const rest = JSON.stringify({ dialogId: checked.dialogId, clientId: checked.clientId, toOperatorId: checked.toOperatorId, created: checked.created, reason: checked.reason });
      const [json, duplicate] = await connection.run<[string, number]>(RECORD, keys, [
        `${checked.dialogId}:${checked.toOperatorId}:${checked.created}`,
        checked.dialogId,
        checked.clientId ?? '',
        checked.fromOperatorId === undefined ? '?' : (checked.fromOperatorId ?? ''),
        checked.toOperatorId,
        checked.createdMs,
        `,${rest.slice(1)}`,
        prefix,
      ]);
      return { transfer: JSON.parse(json) as RecordedTransfer, duplicate: duplicate === 1 };
    },

    async list(filter: TransferFilter, page) {
      checkOpen();
      checkPage(page);
      const sets = [
        filter.dialogId === undefined ? undefined : `${prefix}dialog:${filter.dialogId}`,
        filter.clientId === undefined ? undefined : `${prefix}client:${filter.clientId}`,
        filter.operatorId === undefined ? undefined : `${prefix}operator:${filter.operatorId}`,
      ].filter((key): key is string => key !== undefined);
      if (sets.length <= 1) {
        const set = sets[0] ?? `${prefix}all`;
        // Highest score (newest) first; equal scores by member, highest id first.
        const [members, total] = await Promise.all([
          connection.command<string[]>(['ZRANGE', set, '+inf', '-inf', 'BYSCORE', 'REV', 'LIMIT', page.offset, page.limit]),
          connection.command<number>(['ZCARD', set]),
        ]);
        return { transfers: await load(members), total };
      }
      // Combined filters match few transfers (one dialog's, one client's): intersect, then sort here.
      const flat = await connection.command<string[]>(['ZINTER', sets.length, ...sets, 'AGGREGATE', 'MAX', 'WITHSCORES']);
      const matches: Array<{ member: string; created: number }> = [];
      for (let index = 0; index + 1 < flat.length; index += 2) matches.push({ member: flat[index] as string, created: Number(flat[index + 1]) });
      matches.sort((a, b) => (a.created === b.created ? (a.member < b.member ? 1 : -1) : b.created - a.created));
      const members = matches.slice(page.offset, page.offset + page.limit).map((match) => match.member);
      return { transfers: await load(members), total: matches.length };
    },

    async dialogOperator(dialogId) {
      checkOpen();
      const known = await connection.command<string | null>(['HGET', `${prefix}operators`, dialogId]);
      const operator = known?.slice(0, known.indexOf('|')) ?? '';
      return operator === '' ? null : Number(operator);
    },

    async setDialogOperator(dialogId, operatorId, asOf) {
      checkOpen();
      const asOfMs = asOf !== undefined ? String(parseTime(asOf, 'setDialogOperator asOf')) : options.now ? String(options.now()) : '';
      await connection.run(SET_OPERATOR, keys, [dialogId, operatorId ?? '', asOfMs]);
    },

    async close() {
      closed = true;
    },
  };
}
