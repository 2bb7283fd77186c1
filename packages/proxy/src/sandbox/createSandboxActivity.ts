import { createRandom, type Random } from './createRandom.js';
import type { SandboxStore } from './createSandboxStore.js';
import * as names from './sandboxNames.js';
import type { SandboxDialog } from './sandboxRecords.js';
import * as texts from './sandboxTexts.js';

/** Options of {@link createSandboxActivity}. */
export interface SandboxActivityOptions {
  /** Mean time between two things happening (default 4000 ms; each wait is 50–150 % of it). */
  intervalMs?: number;
  /** Seed of the choices (default the store's). */
  seed?: number;
}

/** One thing the activity did. */
export type SandboxActivityStep =
  | { action: 'write'; clientId: number; messageId: number }
  | { action: 'new-client'; clientId: number; messageId: number }
  | { action: 'transfer'; dialogId: number; from: number | null; to: number }
  | { action: 'close'; dialogId: number }
  | { action: 'rename'; clientId: number; assignedName: string | null };

/** The simulated account activity: clients writing, dialogs transferred and closed. */
export interface SandboxActivity {
  /** Does one thing now. */
  step(): SandboxActivityStep;
  /** Does one thing every few seconds until {@link stop}. */
  start(): void;
  stop(): void;
}

/** How many of the most recent clients and dialogs the activity picks from: what the console shows first. */
const RECENT = 25;

/** A line a client might write, placeholders filled. */
function clientLine(random: Random): string {
  const lang = random.weighted<texts.SandboxLanguage>([['ru', 60], ['kk', 25], ['en', 15]]);
  const turns = texts.TOPICS[lang].flatMap((topic) => topic.filter((turn) => turn[0] === 'c').map((turn) => turn[1]));
  const line = random.chance(0.2) ? random.pick(texts.GREETINGS[lang]) : random.pick(turns);
  const vars: Record<string, string> = {
    order: String(random.int(100_000, 999_999)),
    city: random.pick(lang === 'en' ? texts.MARKETS.kz.citiesEn : texts.MARKETS.kz.cities),
  };
  return line.replace(/\{(\w+)\}/g, (whole, key: string) => vars[key] ?? whole);
}

function newClientName(random: Random): string {
  const female = random.chance(0.5);
  const [first, last] = random.pick([
    [female ? names.KZ_FEMALE : names.KZ_MALE, names.KZ_SURNAMES],
    [female ? names.RU_FEMALE : names.RU_MALE, names.RU_SURNAMES],
    [female ? names.EN_FEMALE : names.EN_MALE, names.EN_SURNAMES],
  ] as const);
  const surname = random.pick(last);
  return `${random.pick(first)} ${female ? names.femaleSurname(surname) : surname}`;
}

/**
 * Makes the sandbox's account busy, as a real one is: every few seconds one of the most recent
 * clients writes (reopening a closed dialog), an open dialog is handed to another operator or
 * closed, a new client writes for the first time, or an operator renames a client. Each change
 * reaches the proxy as Chat2Desk's webhooks would (see `sandboxWebhooks.ts`), so the console is
 * live offline. Deterministic for a seed.
 */
export function createSandboxActivity(store: SandboxStore, options: SandboxActivityOptions = {}): SandboxActivity {
  const random = createRandom((options.seed ?? store.seed) ^ 0x61637476);
  const intervalMs = options.intervalMs ?? 4000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;

  const recentOpen = (): SandboxDialog[] => store.listDialogs({ state: 'open' }).slice(0, RECENT).filter((d) => d.client_id !== null);
  const agents = () => store.data.operators.filter((o) => o.role === 'operator');

  function write(): SandboxActivityStep {
    const client = random.pick(store.listClients().slice(0, RECENT));
    const message = store.receiveMessage({ clientId: client.id, text: clientLine(random) });
    return { action: 'write', clientId: client.id, messageId: message.id };
  }

  function newClient(): SandboxActivityStep {
    const channel = random.pick(store.listChannels().filter((c) => c.transports.includes('whatsapp')));
    const phone = `7701${String(random.int(0, 9_999_999)).padStart(7, '0')}`;
    const client = store.addClient({ name: newClientName(random), phone, route: { channel_id: channel.id, transport: 'whatsapp' } });
    const message = store.receiveMessage({ clientId: client.id, text: clientLine(random) });
    return { action: 'new-client', clientId: client.id, messageId: message.id };
  }

  function transfer(): SandboxActivityStep {
    const dialog = random.pick(recentOpen());
    const to = random.pick(agents().filter((o) => o.id !== dialog.operator_id));
    const from = dialog.operator_id;
    store.updateDialog(dialog.id, { operatorId: to.id, reason: random.pick(texts.TRANSFER_REASONS.handover) });
    return { action: 'transfer', dialogId: dialog.id, from, to: to.id };
  }

  function close(): SandboxActivityStep {
    const dialog = random.pick(recentOpen());
    store.updateDialog(dialog.id, { state: 'closed' });
    return { action: 'close', dialogId: dialog.id };
  }

  function rename(): SandboxActivityStep {
    const client = random.pick(store.listClients().slice(0, RECENT));
    const base = client.name ?? (client.phone ? `+${client.phone}` : `Client ${client.id}`);
    const assignedName = client.assigned_name === null ? `${base}${random.pick(texts.ASSIGNED_NAME_SUFFIXES)}` : null;
    store.assignName(client.id, assignedName);
    return { action: 'rename', clientId: client.id, assignedName };
  }

  function step(): SandboxActivityStep {
    const open = recentOpen().length > 0;
    const action = random.weighted<() => SandboxActivityStep>([
      [write, 55],
      [transfer, open ? 20 : 0],
      [close, open ? 12 : 0],
      [newClient, 7],
      [rename, 6],
    ]);
    return action();
  }

  function schedule(): void {
    if (!running) return;
    timer = setTimeout(() => {
      step();
      schedule();
    }, intervalMs * (0.5 + random.next()));
    (timer as { unref?: () => void }).unref?.();
  }

  return {
    step,
    start() {
      if (running) return;
      running = true;
      schedule();
    },
    stop() {
      running = false;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}
