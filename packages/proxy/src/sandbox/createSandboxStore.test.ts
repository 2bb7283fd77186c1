import { beforeAll, describe, expect, it } from 'vitest';
import { c2dTimeMs } from './c2dTime.js';
import { createSandboxStore, type SandboxStore } from './createSandboxStore.js';
import { SANDBOX_UNKNOWN_TYPES } from './addSandboxMedia.js';
import { SANDBOX_BASE_DATE, SANDBOX_ID_BASE } from './generateSandboxData.js';
import { SandboxError } from './SandboxError.js';
import type { SandboxDialog, SandboxMessage, SandboxTransfer } from './sandboxRecords.js';

const DAY = 86_400_000;
const CYRILLIC = /[а-яё]/i;
const KAZAKH_LETTERS = /[әғқңөұүһі]/i;

let store: SandboxStore;
beforeAll(() => {
  store = createSandboxStore();
});

function groupBy<T>(items: T[], key: (item: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

function thrown(fn: () => unknown): SandboxError {
  try {
    fn();
  } catch (error) {
    if (error instanceof SandboxError) return error;
    throw error;
  }
  throw new Error('expected a SandboxError');
}

describe('seeded data', () => {
  it('is identical for the same seed and different for another seed', () => {
    // Serialized, Maps included: a deep toEqual over ~8000 messages is needlessly slow.
    const dump = (s: SandboxStore): string =>
      JSON.stringify({ ...s.data, clientTransports: [...s.data.clientTransports], dialogRoutes: [...s.data.dialogRoutes] });
    expect(dump(createSandboxStore({ seed: 42 }))).toBe(dump(store));
    const other = createSandboxStore({ seed: 7 }).data;
    expect(other.clients.map((c) => c.name)).not.toEqual(store.data.clients.map((c) => c.name));
    expect(other.messages.map((m) => m.text)).not.toEqual(store.data.messages.map((m) => m.text));
    // Seeds two more accounts of some 8000 messages: seconds when the suite shares two cores.
  }, 30_000);

  it('has 600 clients by default and honours the clients option', () => {
    expect(store.data.clients).toHaveLength(600);
    expect(createSandboxStore({ seed: 3, clients: 25 }).data.clients).toHaveLength(25);
  });

  it('names clients in Russian, Kazakh and English, in Cyrillic and Latin', () => {
    const named = store.data.clients.map((c) => c.name).filter((n): n is string => n !== null);
    expect(named.filter((n) => CYRILLIC.test(n)).length).toBeGreaterThan(named.length / 2);
    expect(named.filter((n) => KAZAKH_LETTERS.test(n)).length).toBeGreaterThan(5);
    expect(named.filter((n) => /^[A-Za-z .]+$/.test(n)).length).toBeGreaterThan(20);
    expect(new Set(named).size).toBeGreaterThan(300);
    expect(named.length).toBeLessThan(600);
  });

  it('gives Kazakh, Russian and a few UK/US phones, unique and digits only', () => {
    const phones = store.data.clients.map((c) => c.phone).filter((p): p is string => p !== null);
    expect(phones.every((p) => /^\d{11,12}$/.test(p))).toBe(true);
    expect(new Set(phones).size).toBe(phones.length);
    for (const prefix of ['7701', '7702', '7705', '7707', '7747']) expect(phones.some((p) => p.startsWith(prefix))).toBe(true);
    const kz = phones.filter((p) => /^77\d/.test(p)).length;
    const ru = phones.filter((p) => p.startsWith('79')).length;
    const ukUs = phones.filter((p) => p.startsWith('44') || p.startsWith('1')).length;
    expect(kz).toBeGreaterThan(ru);
    expect(ru).toBeGreaterThan(50);
    expect(ukUs).toBeGreaterThan(2);
    expect(ukUs).toBeLessThan(phones.length / 10);
  });

  it('fills optional client fields for some clients and never an avatar URL', () => {
    const { clients } = store.data;
    expect(clients.every((c) => c.avatar === null)).toBe(true);
    for (const field of ['assigned_name', 'comment', 'extra_comment_1', 'extra_comment_2', 'extra_comment_3', 'client_external_id'] as const) {
      const filled = clients.filter((c) => c[field] !== null).length;
      expect({ field, some: filled > 5, notAll: filled < clients.length }).toEqual({ field, some: true, notAll: true });
    }
  });

  it('has 8 to 12 operators with admin, supervisor and operator roles, some online', () => {
    for (const seed of [1, 2, 3, 42, 99]) {
      const { operators } = createSandboxStore({ seed, clients: 5 }).data;
      expect(operators.length).toBeGreaterThanOrEqual(8);
      expect(operators.length).toBeLessThanOrEqual(12);
      expect(new Set(operators.map((o) => o.role))).toEqual(new Set(['admin', 'supervisor', 'operator']));
    }
    const online = store.data.operators.map((o) => o.online);
    expect(online).toContain(true);
    expect(online).toContain(false);
  });

  it('reaches clients through 2 to 4 channels and six transports, some clients through several', () => {
    expect(store.data.channels.length).toBeGreaterThanOrEqual(2);
    expect(store.data.channels.length).toBeLessThanOrEqual(4);
    expect(new Set(store.data.messages.map((m) => m.transport))).toEqual(new Set(['whatsapp', 'telegram', 'viber', 'vk', 'instagram', 'sms']));
    const reach = [...store.data.clientTransports.values()];
    expect(reach.every((r) => r.length >= 1)).toBe(true);
    expect(reach.filter((r) => new Set(r.map((x) => x.channel_id)).size > 1).length).toBeGreaterThan(10);
    expect(reach.filter((r) => new Set(r.map((x) => x.transport)).size > 1).length).toBeGreaterThan(10);
    const channelIds = new Set(store.data.channels.map((c) => c.id));
    expect(store.data.messages.every((m) => m.channel_id !== null && channelIds.has(m.channel_id))).toBe(true);
  });

  it('writes every message type in Russian, Kazakh and English within the 90 days before the base date', () => {
    const { messages } = store.data;
    expect(new Set(messages.map((m) => m.type))).toEqual(new Set(['from_client', 'to_client', 'system', 'autoreply', 'comment', ...SANDBOX_UNKNOWN_TYPES]));
    const times = messages.map((m) => c2dTimeMs(m.created));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(SANDBOX_BASE_DATE - 90 * DAY);
    expect(Math.max(...times)).toBeLessThanOrEqual(SANDBOX_BASE_DATE);
    expect(Math.max(...times)).toBeGreaterThan(SANDBOX_BASE_DATE - 2 * DAY);
    const fromClients = messages.filter((m) => m.type === 'from_client').map((m) => m.text ?? '');
    expect(fromClients.some((t) => KAZAKH_LETTERS.test(t))).toBe(true);
    expect(fromClients.some((t) => CYRILLIC.test(t) && !KAZAKH_LETTERS.test(t))).toBe(true);
    expect(fromClients.some((t) => /^[\w\s.,!?'#-]+$/.test(t) && /[a-z]{3}/.test(t))).toBe(true);
    expect(messages.some((m) => /\{\w+\}/.test(m.text ?? ''))).toBe(false);
  });

  it('gives some messages what real ones carry: photos, voice notes, videos, files, places, PDF invoices, unknown types', () => {
    const { messages } = store.data;
    const count = (has: (m: SandboxMessage) => boolean) => messages.filter(has).length;
    for (const field of ['photo', 'audio', 'video', 'coordinates'] as const) {
      expect({ field, some: count((m) => m[field] !== null && m.type === 'from_client') > 5 }).toEqual({ field, some: true });
    }
    expect(count((m) => m.attachments.length > 0)).toBeGreaterThan(5);
    expect(count((m) => m.pdf !== null && m.type === 'to_client')).toBeGreaterThan(5);
    const unknown = messages.filter((m) => (SANDBOX_UNKNOWN_TYPES as readonly string[]).includes(m.type));
    expect(unknown.length).toBeGreaterThan(2);
    expect(unknown.every((m) => m.extra_data !== null)).toBe(true);
    expect(count((m) => m.photo !== null) / messages.length).toBeLessThan(0.1);
  });

  it('hands out ids from fixed ranges in time order, so the guide’s dialog 63 exists', () => {
    const { clients, dialogs, messages, transfers } = store.data;
    expect(clients[0]?.id).toBe(SANDBOX_ID_BASE.client);
    expect(dialogs[0]?.id).toBe(SANDBOX_ID_BASE.dialog);
    expect(messages[0]?.id).toBe(SANDBOX_ID_BASE.message);
    expect(transfers[0]?.id).toBe(SANDBOX_ID_BASE.transfer);
    expect(store.getDialog(63)).toBeDefined();
    const inOrder = (list: Array<{ id: number }>, time: (x: never) => string) =>
      list.every((x, i) => i === 0 || (x.id > (list[i - 1]?.id ?? 0) && time(x as never) >= time(list[i - 1] as never)));
    expect(inOrder(messages, (m: SandboxMessage) => m.created)).toBe(true);
    expect(inOrder(dialogs, (d: SandboxDialog) => d.begin ?? '')).toBe(true);
    expect(inOrder(transfers, (t: SandboxTransfer) => t.created)).toBe(true);
  });

  it('keeps dialogs, messages and clients consistent with each other', () => {
    const byDialog = groupBy(store.data.messages, (m) => m.dialog_id ?? 0);
    for (const dialog of store.data.dialogs) {
      const own = byDialog.get(dialog.id) ?? [];
      expect(own.length).toBe(dialog.messages);
      expect(own.every((m) => m.client_id === dialog.client_id)).toBe(true);
      expect(own[0]?.created).toBe(dialog.begin);
      expect(own.at(-1)?.created).toBe(dialog.last_message_at);
      if (dialog.state === 'open') expect(dialog.end).toBeNull();
      else expect(dialog.end).toBe(dialog.last_message_at);
    }
    const fromClient = groupBy(
      store.data.messages.filter((m) => m.type === 'from_client'),
      (m) => m.client_id,
    );
    for (const client of store.data.clients) {
      const own = fromClient.get(client.id) ?? [];
      expect(client.first_client_message).toBe(own[0]?.created);
      expect(client.last_client_message).toBe(own.at(-1)?.created);
    }
    const open = store.data.dialogs.filter((d) => d.state === 'open');
    expect(open.length).toBeGreaterThan(10);
    expect(open.every((d) => store.latestDialog(d.client_id ?? 0)?.id === d.id)).toBe(true);
  });

  it('records transfers as a chain starting from the queue and ending at the dialog’s operator', () => {
    const byDialog = groupBy(store.data.transfers, (t) => t.dialog_id);
    for (const dialog of store.data.dialogs) {
      const chain = byDialog.get(dialog.id) ?? [];
      expect(chain[0]?.from_operator_id).toBeNull();
      chain.slice(1).forEach((t, i) => expect(t.from_operator_id).toBe(chain[i]?.to_operator_id));
      expect(chain.at(-1)?.to_operator_id).toBe(dialog.operator_id);
      expect(chain.every((t) => t.client_id === dialog.client_id)).toBe(true);
    }
    const reasons = store.data.transfers.map((t) => t.reason);
    expect(reasons).toContain('Escalated to supervisor');
    expect(reasons).toContain('Передан в отдел продаж');
    expect(store.data.transfers.filter((t) => t.from_operator_id !== null).length).toBeGreaterThan(100);
  });
});

describe('options', () => {
  it('refuses a seed or client count it cannot use, saying what to pass', () => {
    expect(() => createSandboxStore({ seed: 1.5 })).toThrow('sandbox seed must be an integer, got 1.5');
    expect(() => createSandboxStore({ clients: 0 })).toThrow('sandbox clients must be an integer from 1 to 20000, got 0');
    expect(() => createSandboxStore({ clients: 20_001 })).toThrow(/from 1 to 20000/);
  });
});

describe('queries', () => {
  it('lists clients newest last_client_message first and filters by phone digits', () => {
    const all = store.listClients();
    expect(all).toHaveLength(600);
    expect(all.every((c, i) => i === 0 || (c.last_client_message ?? '') <= (all[i - 1]?.last_client_message ?? ''))).toBe(true);
    const target = all.find((c) => c.phone?.startsWith('7701'));
    const digits = target?.phone?.slice(1, 8) ?? '';
    const byPhone = store.listClients({ phone: `+7 (${digits.slice(0, 3)}) ${digits.slice(3)}` });
    expect(byPhone).toContain(target);
    expect(byPhone.every((c) => c.phone?.includes(digits))).toBe(true);
    expect(thrown(() => store.listClients({ phone: 'abc' })).status).toBe(400);
  });

  it('answers the client’s latest dialog, undefined for an unknown client', () => {
    const client = store.data.clients[10];
    const dialogs = store.data.dialogs.filter((d) => d.client_id === client?.id);
    expect(store.latestDialog(client?.id ?? 0)).toBe(dialogs.at(-1));
    expect(store.latestDialog(5)).toBeUndefined();
  });

  it('404s a filter naming an unknown client, dialog or operator', () => {
    expect(thrown(() => store.listMessages({ clientId: 5 })).message).toBe('Client 5 not found');
    expect(thrown(() => store.listMessages({ dialogId: 999_999 })).status).toBe(404);
    expect(thrown(() => store.listTransfers({ operatorId: 1 })).message).toBe('Operator 1 not found');
    expect(thrown(() => store.listDialogs({ clientId: 1 })).status).toBe(404);
  });
});

describe('writes', () => {
  const now = () => new Date('2026-11-02T09:30:00Z');

  it('sends into the client’s latest dialog, reopening it, with the next message id and the clock', () => {
    const fresh = createSandboxStore({ seed: 5, clients: 60, now });
    const dialog = fresh.data.dialogs.find((d) => d.state === 'closed' && fresh.latestDialog(d.client_id ?? 0) === d);
    if (!dialog?.client_id) throw new Error('seed 5 has no client whose latest dialog is closed');
    const before = fresh.getDialogRoute(dialog.id)?.request_id;
    const maxId = Math.max(...fresh.data.messages.map((m) => m.id));
    const result = fresh.sendMessage({ clientId: dialog.client_id, text: '  Ваш заказ готов  ' });
    expect(result).toMatchObject({ id: maxId + 1, dialog_id: dialog.id, transport: fresh.getDialogRoute(dialog.id)?.transport });
    expect(result.request_id).not.toBe(before);
    expect(dialog).toMatchObject({ state: 'open', end: null, last_message_at: '2026-11-02T09:30:00' });
    expect(fresh.listMessages({ clientId: dialog.client_id })[0]).toMatchObject({
      id: maxId + 1,
      text: 'Ваш заказ готов',
      type: 'to_client',
      dialog_id: dialog.id,
      client_id: dialog.client_id,
      operator_id: dialog.operator_id,
      created: '2026-11-02T09:30:00',
    });
    expect(fresh.sendMessage({ clientId: dialog.client_id, text: 'ещё' }).id).toBe(maxId + 2);
    expect(fresh.sendMessage({ clientId: dialog.client_id, text: 'Проверить адрес', type: 'comment', operatorId: 101 })).toMatchObject({ id: maxId + 3, type: 'comment', operator_id: 101 });
  });

  it('keeps a closed dialog closed with openDialog false', () => {
    const fresh = createSandboxStore({ seed: 5, clients: 60, now });
    const dialog = fresh.data.dialogs.find((d) => d.state === 'closed' && fresh.latestDialog(d.client_id ?? 0) === d);
    fresh.sendMessage({ clientId: dialog?.client_id ?? 0, text: 'FYI', openDialog: false });
    expect(dialog?.state).toBe('closed');
  });

  it('refuses a transport or channel that cannot reach the client, naming the ones that can', () => {
    const fresh = createSandboxStore({ seed: 5, clients: 60, now });
    const client = fresh.data.clients.find((c) => !fresh.getClientTransports(c.id)?.some((r) => r.transport === 'vk'));
    const reach = fresh.getClientTransports(client?.id ?? 0) ?? [];
    const error = thrown(() => fresh.sendMessage({ clientId: client?.id ?? 0, text: 'hi', transport: 'vk' }));
    expect(error.status).toBe(400);
    expect(error.message).toContain(`${reach[0]?.transport} (channel ${reach[0]?.channel_id})`);
    const other = fresh.data.dialogs.find((d) => d.client_id !== client?.id);
    expect(thrown(() => fresh.sendMessage({ clientId: client?.id ?? 0, text: 'hi', dialogId: other?.id })).status).toBe(400);
    expect(thrown(() => fresh.sendMessage({ clientId: client?.id ?? 0, text: '   ' })).message).toMatch(/text must be 1 to 4096/);
  });

  it('reassigns a dialog with a transfer record and a system message; the same operator changes nothing', () => {
    const fresh = createSandboxStore({ seed: 5, clients: 60, now });
    const dialog = fresh.data.dialogs.find((d) => d.state === 'open');
    if (!dialog) throw new Error('seed 5 has no open dialog');
    const from = dialog.operator_id;
    const to = fresh.data.operators.find((o) => o.id !== from && o.role === 'supervisor');
    const openedBefore = fresh.listOperators().find((o) => o.id === to?.id)?.opened_dialogs ?? 0;
    fresh.updateDialog(dialog.id, { operatorId: to?.id, reason: 'Escalated to supervisor' });
    expect(dialog.operator_id).toBe(to?.id);
    expect(fresh.listTransfers({ dialogId: dialog.id })[0]).toMatchObject({
      from_operator_id: from,
      to_operator_id: to?.id,
      client_id: dialog.client_id,
      reason: 'Escalated to supervisor',
      created: '2026-11-02T09:30:00',
    });
    expect(fresh.listMessages({ dialogId: dialog.id })[0]).toMatchObject({ type: 'system', text: `Диалог передан оператору ${to?.first_name} ${to?.last_name}` });
    expect(fresh.listOperators().find((o) => o.id === to?.id)?.opened_dialogs).toBe(openedBefore + 1);
    const count = fresh.data.transfers.length;
    fresh.updateDialog(dialog.id, { operatorId: to?.id });
    expect(fresh.data.transfers.length).toBe(count);
    fresh.updateDialog(dialog.id, { state: 'closed' });
    expect(dialog).toMatchObject({ state: 'closed', end: '2026-11-02T09:30:00' });
  });
});
