import { buildDialogUrl, type DialogMode } from '@c2d-console/core';
import {
  forwardRef,
  useEffect,
  useState,
  type ComponentPropsWithoutRef,
  type ComponentPropsWithRef,
  type ReactElement,
  type ReactNode,
} from 'react';
import { useConsoleContext, useStrings } from './ConsoleContext.js';
import { frameStrings } from './frameStrings.js';
import type { ConsoleLocale } from './ConsoleLocale.js';
import { cx } from './cx.js';
import { useLatest } from './useLatest.js';

/** Why a dialog frame failed. */
export interface DialogFrameError {
  /** `config`: invalid props (the message says what to fix); `timeout`: no load event in time. */
  reason: 'config' | 'timeout';
  message: string;
  /** The URL the frame tried to open (absent for `config`). */
  url?: string;
}

/**
 * Props of {@link DialogFrame}: its own, and any prop of its root `<div>` (`id`, `style`, `data-*`,
 * `aria-*`, event handlers), which it passes on; `title`, `onLoad` and `onError` are the frame's.
 */
export interface DialogFrameProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children' | 'title' | 'onLoad' | 'onError'> {
  /** 1: Chat2Desk without the left menu; 2: only this dialog, can reply; 3: only this dialog, read-only. */
  mode: DialogMode;
  /** The dialog to show; required in modes 2 and 3. */
  dialogId?: number;
  /** Chat2Desk web origin (`https://web.chat2desk.kz`, ...); defaults to the provider's `frameHost`, then `.com`. */
  host?: string;
  /** Accessible name of the frame; defaults to "Chat2Desk dialog {id}". */
  title?: string;
  /** How long to wait for the frame's load event before showing the fallback (ms, default 15000). */
  loadTimeoutMs?: number;
  /** Called when the frame has loaded. */
  onLoad?: () => void;
  /** Called when the props are invalid or the frame does not load in time. */
  onError?: (error: DialogFrameError) => void;
  /**
   * Put at the start of the frame's toolbar, before its "Open in Chat2Desk" link: a
   * `DialogModeSwitch`, `DialogActions`, the host's own buttons.
   */
  toolbar?: ReactNode;
  className?: string;
  /** Overrides the provider's locale. */
  locale?: ConsoleLocale;
}

/**
 * Permissions the Chat2Desk UI may use inside the frame: the clipboard (copying client data and
 * pasting replies) and fullscreen for media. Nothing else (no camera, location, payment).
 */
export const DIALOG_FRAME_ALLOW = 'clipboard-read; clipboard-write; fullscreen';

/**
 * Sends only the host page's origin to Chat2Desk, never its path and query (which in a CRM
 * often hold client ids), and nothing at all on an https → http downgrade.
 */
export const DIALOG_FRAME_REFERRER_POLICY = 'strict-origin' as const;

/**
 * What the framed Chat2Desk UI may do: run as the app it is (scripts, its own origin's cookies,
 * forms, modals, downloads, popups for attachments, storage access after a click for browsers
 * that partition third-party cookies), but never navigate the host page away.
 */
export const DIALOG_FRAME_SANDBOX =
  'allow-scripts allow-same-origin allow-forms allow-modals allow-downloads allow-popups allow-popups-to-escape-sandbox allow-storage-access-by-user-activation';

/** @internal The root `<div>`'s props and ref, as the host passed them, the host's toolbar content and the locale. */
export interface FrameRoot {
  rootProps: ComponentPropsWithRef<'div'>;
  toolbar?: ReactNode;
  locale?: ConsoleLocale | undefined;
}

/**
 * @internal The frame's box, shared with `ClientDialogFrame`: the root with its state, the toolbar
 * (the host's content, then "Open in Chat2Desk" in a new tab once there is a URL), and the body.
 * The toolbar is there in every state, loading, loaded or not: a frame that loaded Chat2Desk's
 * login page (the operator is logged out there, or the browser keeps third-party cookies from
 * it) still counts as loaded, and the operator needs a way out.
 */
export function FrameBox({
  rootProps,
  toolbar,
  locale,
  url,
  state,
  children,
}: FrameRoot & { url?: string | undefined; state: string; children: ReactNode }): ReactElement {
  const strings = useStrings(frameStrings, locale);
  return (
    <div {...rootProps} data-state={state}>
      {(url || toolbar) && (
        <div className="c2d-dialog-frame__bar">
          {toolbar}
          {url && (
            <a href={url} target="_blank" rel="noopener noreferrer">
              {strings.frameOpenInChat2Desk} <span aria-hidden="true">↗</span>{' '}
              <span className="c2d-visually-hidden">{strings.frameNewTab}</span>
            </a>
          )}
        </div>
      )}
      <div className="c2d-dialog-frame__body">{children}</div>
    </div>
  );
}

/**
 * @internal What the frame's body says in its place or over it: a status (with a spinner while
 * `busy`) or an alert, a title, a text, actions.
 */
export function FramePanel({
  alert,
  busy,
  title,
  text,
  children,
}: {
  alert?: boolean;
  busy?: boolean;
  title?: string;
  text?: string;
  children?: ReactNode;
}): ReactElement {
  return (
    <div className="c2d-dialog-frame__panel" role={alert ? 'alert' : 'status'}>
      {busy && <span className="c2d-spinner" aria-hidden="true" />}
      {title && <strong>{title}</strong>}
      {text && <p>{text}</p>}
      {children}
    </div>
  );
}

/**
 * Shows a Chat2Desk dialog in an iframe (`minifiedView` 1, 2 or 3) under a slim toolbar whose
 * "Open in Chat2Desk" opens the same URL in a new tab at any time. Fills its container, shows a
 * loading state, and when the frame does not load in time (login needed, third-party cookies
 * blocked) says so and offers the new tab again. Invalid props render an inline error. The ref
 * is the root `<div>`. To show a client's dialog by client id or phone, see `ClientDialogFrame`.
 */
export const DialogFrame = /* @__PURE__ */ forwardRef<HTMLDivElement, DialogFrameProps>(function DialogFrame(
  { mode, dialogId, host, title, loadTimeoutMs, onLoad, onError, toolbar, className, locale, ...rest },
  ref,
): ReactElement {
  const frameHost = useConsoleContext().frameHost;
  const root: FrameRoot = { rootProps: { ...rest, ref, className: cx('c2d', 'c2d-dialog-frame', className) }, toolbar, locale };

  let url: string | undefined;
  let message = '';
  try {
    url = buildDialogUrl({ host: host ?? frameHost, mode, dialogId });
  } catch (error) {
    message = (error as Error).message;
  }
  // A new URL is a new frame: the key resets the load state and swaps the iframe.
  return (
    <Frame
      key={url ?? message}
      {...root}
      url={url}
      message={message}
      dialogId={dialogId}
      title={title}
      loadTimeoutMs={loadTimeoutMs}
      onLoad={onLoad}
      onError={onError}
    />
  );
});

/**
 * @internal The frame's box with the iframe at `url` under a loading state, then the timeout's
 * alert; without a URL, the invalid props' `message` in its place (also `ClientDialogFrame`'s).
 */
export function Frame({
  url,
  message,
  dialogId,
  title,
  loadTimeoutMs = 15_000,
  onLoad,
  onError,
  ...root
}: FrameRoot & Pick<DialogFrameProps, 'dialogId' | 'title' | 'loadTimeoutMs' | 'onLoad' | 'onError'> & { url?: string | undefined; message: string }): ReactElement {
  const strings = useStrings(frameStrings, root.locale);
  const [state, setState] = useState(url ? 'loading' : 'invalid');
  const [attempt, setAttempt] = useState(0);
  const onErrorRef = useLatest(onError);

  useEffect(() => {
    if (!url) {
      onErrorRef.current?.({ reason: 'config', message });
    } else if (state === 'loading') {
      const timer = setTimeout(() => {
        setState('timeout');
        onErrorRef.current?.({ reason: 'timeout', message: strings.frameTimeoutTitle, url });
      }, loadTimeoutMs);
      return () => clearTimeout(timer);
    }
  }, [state, loadTimeoutMs, url, message, strings, onErrorRef]);

  return (
    <FrameBox {...root} url={url} state={state}>
      {url ? (
        <iframe
          key={attempt}
          src={url}
          title={title ?? strings.frameTitle(dialogId)}
          allow={DIALOG_FRAME_ALLOW}
          sandbox={DIALOG_FRAME_SANDBOX}
          referrerPolicy={DIALOG_FRAME_REFERRER_POLICY}
          onLoad={() => {
            // A late load after the timeout still counts: the operator may have logged in meanwhile.
            setState('loaded');
            onLoad?.();
          }}
        />
      ) : (
        <FramePanel alert title={strings.frameInvalid} text={message} />
      )}
      {state === 'loading' && <FramePanel busy text={strings.frameLoading} />}
      {state === 'timeout' && (
        <FramePanel alert title={strings.frameTimeoutTitle} text={strings.frameTimeoutReason}>
          <div>
            <a className="c2d-button c2d-button--primary" href={url} target="_blank" rel="noopener noreferrer">
              {strings.frameOpenInChat2Desk}
            </a>
            <button
              type="button"
              className="c2d-button"
              onClick={() => {
                setState('loading');
                setAttempt((n) => n + 1);
              }}
            >
              {strings.frameRetry}
            </button>
          </div>
        </FramePanel>
      )}
    </FrameBox>
  );
}
