import { MAX_MESSAGE_LENGTH } from '@c2d-console/core';
import { html, SafeHtml } from './html.js';

/** The fake web UI's modes, as `minifiedView` selects them. */
export type ChatMode = 1 | 2 | 3;

/** One message as the fake web UI shows it. */
export interface ChatMessageView {
  id: number;
  type: string;
  /** Who wrote it: the client's name, the operator's, "System", ... */
  author: string;
  text: string;
  /** Chat2Desk time ("YYYY-MM-DDTHH:mm:ss", UTC). */
  created: string;
}

/** The dialog a page shows. */
export interface ChatDialogView {
  id: number;
  state: 'open' | 'closed';
  clientName: string;
  clientPhone: string | null;
  transport: string | null;
  channelName: string | null;
  operatorName: string | null;
  /** Oldest first. */
  messages: ChatMessageView[];
  /** Older messages left out of `messages`. */
  hiddenCount: number;
}

/** A row of mode 1's dialog list. */
export interface RecentDialogView {
  id: number;
  state: 'open' | 'closed';
  clientName: string;
  preview: string;
  lastMessage: string | null;
}

/** Everything one page of the fake web UI shows. */
export interface ChatPageView {
  mode: ChatMode;
  dialog?: ChatDialogView;
  /** Mode 1 only: the dialog list on the left. */
  recent?: RecentDialogView[];
  /** Mode 2: why the last reply was refused, and what was typed. */
  replyError?: string;
  draft?: string;
}

const TRANSPORT_LABELS: Record<string, string> = {
  whatsapp: 'WhatsApp',
  telegram: 'Telegram',
  viber: 'Viber',
  vk: 'VK',
  instagram: 'Instagram',
  sms: 'SMS',
};

// Responsive by the frame's own width (a CRM side panel gives it 280 to 400 px): the dialog list
// of mode 1 goes above the dialog, and the Send button wraps under the box rather than being cut
// off. Colours meet WCAG AA in both themes (--on-accent is the text on --accent).
const STYLE = `
:root{color-scheme:light dark;--bg:#f5f6f8;--panel:#fff;--text:#1d2430;--muted:#5b6472;--line:#dde1e7;--accent:#0b6bcb;--on-accent:#fff;--in:#fff;--out:#dbeafe;--note:#fff6d6;--sys:transparent;--error:#c62828}
@media (prefers-color-scheme:dark){:root{--bg:#14171c;--panel:#1c2027;--text:#e8ebf0;--muted:#a2aab6;--line:#2f3540;--accent:#6cb2ff;--on-accent:#0b1220;--in:#252a33;--out:#173659;--note:#3d3520;--error:#ff8a80}}
*{box-sizing:border-box}html,body{height:100%;margin:0}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:var(--bg);color:var(--text);display:flex;flex-direction:column;overflow-wrap:anywhere}
.layout{flex:1;display:flex;min-height:0}
nav{width:17rem;flex:none;border-right:1px solid var(--line);background:var(--panel);overflow:auto}
nav h2{font-size:.8rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);margin:.75rem 1rem .25rem}
nav ul{list-style:none;margin:0;padding:0}
nav a{display:block;padding:.5rem 1rem;color:inherit;text-decoration:none;border-bottom:1px solid var(--line)}
nav a:hover,nav a:focus-visible{background:var(--bg)}nav a[aria-current=page]{box-shadow:inset 3px 0 var(--accent);background:var(--bg)}
nav .name{display:block;font-weight:600}nav .preview{display:block;color:var(--muted);white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
main{flex:1;display:flex;flex-direction:column;min-width:0;min-height:0}
header{padding:.75rem 1rem;border-bottom:1px solid var(--line);background:var(--panel)}
h1{font-size:1.1rem;margin:0}.meta{margin:.15rem 0 0;color:var(--muted)}
.scroll{flex:1;min-height:0;overflow:auto;display:flex;flex-direction:column-reverse}
ol{list-style:none;margin:0;padding:1rem;display:flex;flex-direction:column;gap:.5rem}
li.msg{max-width:75%;min-width:0;padding:.45rem .7rem;border-radius:.6rem;background:var(--in);border:1px solid var(--line)}
li.to_client{align-self:flex-end;background:var(--out)}li.comment{align-self:flex-end;background:var(--note)}
li.system,li.autoreply{align-self:center;background:var(--sys);border-style:dashed;color:var(--muted);font-size:.9em}
.who{margin:0;font-size:.8em;color:var(--muted)}.text{margin:.1rem 0 0;white-space:pre-wrap}
.empty{padding:2rem 1rem;color:var(--muted)}
form{display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-end;padding:.75rem 1rem;border-top:1px solid var(--line);background:var(--panel)}
form .field{flex:1 1 10rem;min-width:0;display:flex;flex-direction:column;gap:.2rem}
textarea{width:100%;font:inherit;color:inherit;background:var(--bg);border:1px solid var(--line);border-radius:.4rem;padding:.4rem .5rem;resize:vertical;min-height:2.6rem}
button{flex:none;font:inherit;padding:.5rem 1.1rem;border:0;border-radius:.4rem;background:var(--accent);color:var(--on-accent);cursor:pointer}
textarea:focus-visible,button:focus-visible,a:focus-visible,.scroll:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
.scroll:focus-visible{outline-offset:-2px}
.error{color:var(--error);margin:0}
.login{margin:auto;width:min(22rem,100%);padding:1.5rem;background:var(--panel);border:1px solid var(--line);border-radius:.6rem;display:flex;flex-direction:column;gap:.75rem}
.login form{border:0;padding:0;flex-direction:column;align-items:stretch;background:none}
.login label{display:flex;flex-direction:column;gap:.2rem}
.login input{font:inherit;color:inherit;background:var(--bg);border:1px solid var(--line);border-radius:.4rem;padding:.45rem .5rem}
.login input:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
.sandbox{margin:0;padding:.3rem 1rem;font-size:.75rem;color:var(--muted);border-top:1px solid var(--line);background:var(--panel)}
@media (max-width:40rem){
.layout{flex-direction:column}
nav{width:auto;max-height:35%;border-right:0;border-bottom:1px solid var(--line)}
header,form{padding:.5rem .75rem}ol{padding:.75rem}li.msg{max-width:90%}
}
`;

/** How the fake UI shows a Chat2Desk time: "2026-10-31 18:05" (UTC). */
function shortTime(value: string | null): string {
  return value ? value.replace('T', ' ').slice(0, 16) : '';
}

function time(value: string | null): SafeHtml {
  return value ? html`<time datetime="${value}Z">${shortTime(value)}</time>` : html``;
}

function page(options: { title: string; mode?: ChatMode; dialogId?: number; body: SafeHtml }): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} · Chat2Desk sandbox</title>
<style>${new SafeHtml(STYLE)}</style>
</head>
<body${options.mode === undefined ? '' : html` data-mode="${options.mode}"`}${options.dialogId === undefined ? '' : html` data-dialog="${options.dialogId}"`}>
${options.body}
<footer class="sandbox">Sandbox: a fake Chat2Desk served by the c2d-console proxy. Nothing reaches real clients.</footer>
</body>
</html>
`.value;
}

function renderMessages(dialog: ChatDialogView): SafeHtml {
  if (dialog.messages.length === 0) return html`<p class="empty">No messages in this dialog yet.</p>`;
  const hidden = dialog.hiddenCount > 0 ? html`<li class="msg system">${dialog.hiddenCount} older messages not shown</li>` : '';
  // A scrollable region must be reachable by keyboard (WCAG 2.1.1): focusable, and named.
  return html`<section class="scroll" tabindex="0" aria-label="Message history"><ol aria-label="Messages">${hidden}${dialog.messages.map(
    (m) => html`
<li class="msg ${m.type}"><p class="who">${m.author} · ${time(m.created)}</p><p class="text">${m.text}</p></li>`,
  )}
</ol></section>`;
}

function renderReplyForm(dialog: ChatDialogView, error: string | undefined, draft: string | undefined): SafeHtml {
  const described = error ? html` aria-describedby="reply-error" aria-invalid="true"` : '';
  return html`<form method="post" action="all/send">
<input type="hidden" name="dialogID" value="${dialog.id}">
<div class="field">
<label for="reply">Reply</label>
${error ? html`<p class="error" id="reply-error" role="alert">${error}</p>` : ''}
<textarea id="reply" name="text" rows="2" maxlength="${MAX_MESSAGE_LENGTH}" required${described}>${draft ?? ''}</textarea>
</div>
<button type="submit">Send</button>
</form>`;
}

function renderDialog(view: ChatPageView, dialog: ChatDialogView): SafeHtml {
  const via = [dialog.transport ? (TRANSPORT_LABELS[dialog.transport] ?? dialog.transport) : null, dialog.channelName].filter(Boolean).join(' · ');
  return html`<header>
<h1>${dialog.clientName}</h1>
<p class="meta">Dialog ${dialog.id} · ${dialog.state}${via ? ` · ${via}` : ''}${dialog.clientPhone ? ` · +${dialog.clientPhone}` : ''} · Operator: ${dialog.operatorName ?? 'unassigned'}</p>
</header>
${renderMessages(dialog)}
${view.mode === 2 ? renderReplyForm(dialog, view.replyError, view.draft) : ''}`;
}

function renderRecent(recent: RecentDialogView[], current: number | undefined): SafeHtml {
  return html`<nav aria-label="Dialogs">
<h2>Dialogs</h2>
<ul>${recent.map(
    (d) => html`
<li><a href="?dialogID=${d.id}&minifiedView=1"${d.id === current ? html` aria-current="page"` : ''}><span class="name">${d.clientName}</span><span class="preview">${d.preview}</span>${time(d.lastMessage)}</a></li>`,
  )}
</ul>
</nav>`;
}

/** The fake web UI's page for one mode (see chat2desk-api.md: modes 1, 2 and 3). */
export function renderChatPage(view: ChatPageView): string {
  const { dialog } = view;
  const content = dialog
    ? renderDialog(view, dialog)
    : html`<header><h1>Chat2Desk sandbox</h1></header><p class="empty">Choose a dialog in the list.</p>`;
  const body =
    view.mode === 1
      ? html`<div class="layout">${renderRecent(view.recent ?? [], dialog?.id)}<main>${content}</main></div>`
      : html`<div class="layout"><main>${content}</main></div>`;
  return page({ title: dialog ? `Dialog ${dialog.id} · ${dialog.clientName}` : 'Dialogs', mode: view.mode, dialogId: dialog?.id, body });
}

/** A page that explains what is wrong with the URL (unknown dialog, bad mode, ...). */
export function renderChatErrorPage(title: string, detail: string, mode?: ChatMode): string {
  return page({
    title,
    mode,
    body: html`<div class="layout"><main><header><h1>${title}</h1></header><p class="empty">${detail}</p></main></div>`,
  });
}

/**
 * What Chat2Desk shows in the frame when the operator is not signed in to it in this browser
 * (the sandbox's `login` fault): its sign-in form. It loads like any page, so the frame cannot
 * tell it from a dialog: the console's "Open in Chat2Desk" way out must stay reachable.
 */
export function renderLoginPage(notice?: string): string {
  return page({
    title: 'Sign in',
    body: html`<div class="layout"><main class="login" data-page="login">
<h1>Sign in to Chat2Desk</h1>
<p class="meta">Sign in to see this dialog.</p>
${notice ? html`<p class="error" role="alert">${notice}</p>` : ''}
<form method="post" action="login">
<label>Email<input type="email" name="email" autocomplete="username" required></label>
<label>Password<input type="password" name="password" autocomplete="current-password" required></label>
<button type="submit">Sign in</button>
</form>
</main></div>`,
  });
}
