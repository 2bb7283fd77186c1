import { Hono, type Context } from 'hono';
import type { SandboxClient, SandboxDialog, SandboxMessage } from './sandboxRecords.js';
import type { SandboxStore } from './createSandboxStore.js';
import { SANDBOX_MAX_TEXT } from './createSandboxStore.js';
import { renderChatErrorPage, renderChatPage, renderLoginPage, type ChatDialogView, type ChatMode, type ChatPageView } from './renderChatPage.js';
import { SandboxError, sandboxFailure } from './SandboxError.js';

/** How many messages a dialog page shows (the newest), and how many dialogs mode 1 lists. */
const PAGE_MESSAGES = 200;
const RECENT_DIALOGS = 40;

const HTML_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  // No scripts at all; styles only inline; forms post back to the sandbox. Framing stays allowed:
  // being framed by DialogFrame is the point.
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'",
};

function htmlResponse(c: Context, body: string, status: 200 | 400 | 404 = 200): Response {
  return c.body(body, status, HTML_HEADERS);
}

/** What the fake UI calls a client: the operator's name for them, their own, or their phone. */
function clientLabel(client: SandboxClient | undefined, fallbackId: number | null | undefined): string {
  if (client) return client.assigned_name ?? client.name ?? (client.phone ? `+${client.phone}` : `Client ${client.id}`);
  return `Client ${String(fallbackId ?? '?')}`;
}

function operatorLabel(store: SandboxStore, id: number | null): string | null {
  if (id === null) return null;
  const o = store.getOperator(id);
  if (!o) return `Operator ${id}`;
  return `${o.first_name ?? ''} ${o.last_name ?? ''}`.trim() || o.email || `Operator ${id}`;
}

function author(store: SandboxStore, message: SandboxMessage, client: string): string {
  switch (message.type) {
    case 'from_client':
      return client;
    case 'to_client':
      return operatorLabel(store, message.operator_id) ?? 'Operator';
    case 'comment':
      return `Internal note · ${operatorLabel(store, message.operator_id) ?? 'Operator'}`;
    case 'autoreply':
      return 'Autoreply';
    default:
      // `system`, and types the fake Chat2Desk invents as the real one does (`interactive`).
      return 'System';
  }
}

function dialogView(store: SandboxStore, dialog: SandboxDialog): ChatDialogView {
  const client = dialog.client_id == null ? undefined : store.getClient(dialog.client_id);
  const name = clientLabel(client, dialog.client_id);
  const all = store.listMessages({ dialogId: dialog.id, order: 'asc' });
  const shown = all.slice(-PAGE_MESSAGES);
  const route = store.getDialogRoute(dialog.id);
  return {
    id: dialog.id,
    state: dialog.state,
    clientName: name,
    clientPhone: client?.phone ?? null,
    transport: route?.transport ?? null,
    channelName: store.data.channels.find((ch) => ch.id === route?.channel_id)?.name ?? null,
    operatorName: operatorLabel(store, dialog.operator_id),
    messages: shown.map((m) => ({ id: m.id, type: m.type, author: author(store, m, name), text: m.text ?? '', created: m.created })),
    hiddenCount: all.length - shown.length,
  };
}

type Parsed<T> = { ok: true; value: T } | { ok: false; response: Response };

function parseMode(c: Context): Parsed<ChatMode> {
  const raw = c.req.query('minifiedView');
  // Without minifiedView Chat2Desk shows its full UI; mode 1 is the closest the sandbox has.
  if (raw === undefined || raw === '') return { ok: true, value: 1 };
  if (raw === '1' || raw === '2' || raw === '3') return { ok: true, value: Number(raw) as ChatMode };
  return {
    ok: false,
    response: htmlResponse(c, renderChatErrorPage('Unknown view mode', `minifiedView must be 1, 2 or 3 (got "${raw}").`), 400),
  };
}

function parseDialog(c: Context, store: SandboxStore, raw: string | undefined, mode: ChatMode): Parsed<SandboxDialog | undefined> {
  if (raw === undefined || raw === '') {
    if (mode === 1) return { ok: true, value: undefined };
    return {
      ok: false,
      response: htmlResponse(c, renderChatErrorPage('Dialog needed', `Mode ${mode} shows one dialog: add dialogID (a positive integer) to the URL.`, mode), 400),
    };
  }
  if (!/^[1-9]\d{0,15}$/.test(raw)) {
    return { ok: false, response: htmlResponse(c, renderChatErrorPage('Invalid dialog', `dialogID must be a positive integer (got "${raw}").`, mode), 400) };
  }
  const dialog = store.getDialog(Number(raw));
  if (!dialog) {
    return {
      ok: false,
      response: htmlResponse(c, renderChatErrorPage(`Dialog ${raw} not found`, 'There is no dialog with this id in the sandbox. Pick one from the client list.', mode), 404),
    };
  }
  return { ok: true, value: dialog };
}

function pageView(store: SandboxStore, mode: ChatMode, dialog: SandboxDialog | undefined): ChatPageView {
  const view: ChatPageView = { mode, dialog: dialog ? dialogView(store, dialog) : undefined };
  if (mode === 1) {
    view.recent = store.listDialogs().slice(0, RECENT_DIALOGS).map((d) => {
      const last = store.listMessages({ dialogId: d.id })[0];
      return {
        id: d.id,
        state: d.state,
        clientName: clientLabel(d.client_id == null ? undefined : store.getClient(d.client_id), d.client_id),
        preview: last?.text ?? '',
        lastMessage: d.last_message_at,
      };
    });
    // The selected dialog stays in the list even when it is older than the recent ones.
    if (dialog && view.dialog && !view.recent.some((r) => r.id === dialog.id)) {
      view.recent.unshift({
        id: dialog.id,
        state: dialog.state,
        clientName: view.dialog.clientName,
        preview: view.dialog.messages.at(-1)?.text ?? '',
        lastMessage: dialog.last_message_at,
      });
    }
  }
  return view;
}

/** Options of {@link createSandboxWebUi}. */
export interface SandboxWebUiOptions {
  /** The `login` fault: every page is Chat2Desk's sign-in form, as for an operator not signed in. */
  login?: boolean;
}

/**
 * The fake Chat2Desk web UI (mounted under `/chat`): `GET /chat/all?dialogID=&minifiedView=`
 * renders the documented modes, and mode 2's reply form posts to `POST /chat/all/send`, which
 * stores the message like `POST /v1/messages` and redirects back (303). Links and the form use
 * relative URLs, so the UI works wherever the proxy is mounted. Errors are HTML pages. With the
 * `login` fault every page is a sign-in form instead (HTTP 200, as Chat2Desk's is), and signing
 * in never succeeds.
 */
export function createSandboxWebUi(store: SandboxStore, { login = false }: SandboxWebUiOptions = {}): Hono {
  return new Hono()
    .use(async (c, next) => {
      if (!login) return next();
      const notice = c.req.method === 'POST' ? 'This sandbox runs with the login fault (C2D_SANDBOX_FAULTS=login): signing in never works here.' : undefined;
      return htmlResponse(c, renderLoginPage(notice));
    })
    .get('/all', (c) => {
      const mode = parseMode(c);
      if (!mode.ok) return mode.response;
      const dialog = parseDialog(c, store, c.req.query('dialogID'), mode.value);
      if (!dialog.ok) return dialog.response;
      return htmlResponse(c, renderChatPage(pageView(store, mode.value, dialog.value)));
    })
    .post('/all/send', async (c) => {
      const form = await c.req.parseBody();
      const rawDialog = form.dialogID;
      const dialog = parseDialog(c, store, typeof rawDialog === 'string' ? rawDialog : undefined, 2);
      if (!dialog.ok) return dialog.response;
      const target = dialog.value;
      if (!target) throw new SandboxError(400, 'dialogID is required');
      const text = typeof form.text === 'string' ? form.text : '';
      const trimmed = text.trim();
      if (trimmed.length === 0 || trimmed.length > SANDBOX_MAX_TEXT) {
        const view = pageView(store, 2, target);
        view.replyError = trimmed.length === 0 ? 'Write a reply before sending.' : `A reply can be at most ${SANDBOX_MAX_TEXT} characters.`;
        view.draft = text;
        return htmlResponse(c, renderChatPage(view), 400);
      }
      if (target.client_id == null) throw new SandboxError(400, `Dialog ${target.id} has no client to reply to`);
      store.sendMessage({ clientId: target.client_id, dialogId: target.id, text });
      // Relative to /chat/all/send, so it also lands right behind a path prefix.
      return c.body(null, 303, { location: `../all?dialogID=${target.id}&minifiedView=2`, 'cache-control': 'no-store' });
    })
    .onError((error, c) => {
      const { status, message } = sandboxFailure(error);
      return c.body(renderChatErrorPage(status === 500 ? 'Sandbox error' : 'Bad request', message), status, { 'content-type': 'text/html; charset=utf-8' });
    });
}
