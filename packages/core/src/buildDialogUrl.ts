import { Chat2DeskConfigError } from './Chat2DeskConfigError.js';

/**
 * How the Chat2Desk web UI shows a dialog in a frame (`minifiedView`):
 * 1, the normal UI without the left menu; 2, only the given dialog, with a reply box;
 * 3, only the given dialog's content, read-only.
 */
export type DialogMode = 1 | 2 | 3;

/** The modes, in order, for pickers and validation. */
export const DIALOG_MODES: readonly DialogMode[] = [1, 2, 3];

/** Chat2Desk's named web hosts: international (`.com`, the default) and Kazakhstan (`.kz`). */
export const DIALOG_HOSTS = {
  com: 'https://web.chat2desk.com',
  kz: 'https://web.chat2desk.kz',
} as const;

/** The host used when none is given. */
export const DEFAULT_DIALOG_HOST: string = DIALOG_HOSTS.com;

/** Options of {@link buildDialogUrl}. */
export interface DialogUrlOptions {
  /** Origin of the Chat2Desk web UI, e.g. `https://web.chat2desk.kz`. Defaults to `.com`. */
  host?: string;
  mode: DialogMode;
  /** The dialog to open; optional in mode 1, required in modes 2 and 3. */
  dialogId?: number;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

// Declared here, not through @types/node: core runs in browsers too, and a host's bundler
// replaces `process.env.NODE_ENV`, dropping the long messages below from production builds.
declare const process: { env: { NODE_ENV?: string } };

/**
 * Checks a Chat2Desk web host and returns its origin. It must be an `https:` origin (or
 * `http://localhost` / `127.0.0.1` for the sandbox) with no path, query, fragment or credentials.
 * Production builds refuse the same hosts with a shorter message.
 */
export function normalizeDialogHost(host: string = DEFAULT_DIALOG_HOST): string {
  let url: URL | undefined;
  try {
    url = new URL(host);
  } catch {
    // Refused below, with the reason in development.
  }
  if (
    typeof host !== 'string' ||
    !url ||
    (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) ||
    url.username ||
    url.password ||
    url.pathname !== '/' ||
    url.search ||
    url.hash ||
    /[?#]/.test(host)
  ) {
    throw new Chat2DeskConfigError('host', process.env.NODE_ENV !== 'production' ? hostProblem(host, url) : undefined);
  }
  return url.origin;
}

/** Development only: what is wrong with a refused host, and how to fix it. */
function hostProblem(host: unknown, url: URL | undefined): string {
  if (typeof host !== 'string' || host.trim() === '') {
    return `host must be an https origin such as "${DIALOG_HOSTS.com}", got ${describe(host)}`;
  }
  if (!url) return `host "${host}" is not a URL: give an https origin such as "${DIALOG_HOSTS.com}"`;
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) {
    return `host "${host}" must use https: (http: is allowed only for localhost and 127.0.0.1)`;
  }
  if (url.username || url.password) return `host "${host}" must not carry credentials (user:password@)`;
  return `host "${host}" must be an origin only, without a path, query or fragment, e.g. "${url.origin}"`;
}

/** Checks a dialog id: a positive safe integer. */
export function isDialogId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

/** Checks a frame mode: 1, 2 or 3. */
export function isDialogMode(value: unknown): value is DialogMode {
  return value === 1 || value === 2 || value === 3;
}

/**
 * Builds the URL of the Chat2Desk web UI for an iframe, in the documented form:
 * `buildDialogUrl({ host: 'https://web.chat2desk.kz', mode: 1, dialogId: 63 })` is
 * `https://web.chat2desk.kz/chat/all?dialogID=63&minifiedView=1`.
 *
 * @throws Chat2DeskConfigError for an unknown mode, a missing or invalid dialog id in modes 2
 * and 3, an invalid id in mode 1, or a host that is not an https origin.
 */
export function buildDialogUrl({ host, mode, dialogId }: DialogUrlOptions): string {
  const origin = normalizeDialogHost(host);
  const modeOk = isDialogMode(mode);
  if (!modeOk || (dialogId == null ? mode !== 1 : !isDialogId(dialogId))) {
    throw new Chat2DeskConfigError(
      modeOk ? 'dialogId' : 'mode',
      process.env.NODE_ENV !== 'production' ? optionProblem(mode, dialogId) : undefined,
    );
  }
  return `${origin}/chat/all?${dialogId == null ? '' : `dialogID=${dialogId}&`}minifiedView=${mode}`;
}

/** Development only: what is wrong with a refused mode or dialog id, and how to fix it. */
function optionProblem(mode: unknown, dialogId: unknown): string {
  if (!isDialogMode(mode)) {
    return `mode must be 1 (full UI without the left menu), 2 (one dialog, can reply) or 3 (one dialog, read-only), got ${describe(mode)}`;
  }
  return dialogId == null
    ? `mode ${mode} needs a dialogId (a positive integer)`
    : `dialogId must be a positive integer, got ${describe(dialogId)}`;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `"${value}" (a string)`;
  if (typeof value === 'number') return String(value);
  if (value === null) return 'null';
  return typeof value;
}
