import { MAX_MESSAGE_LENGTH, type ClientChannel, type SendMessageResult } from '@c2d-console/core';
import {
  forwardRef,
  useId,
  useRef,
  useState,
  type ComponentPropsWithoutRef,
  type FormEvent,
  type KeyboardEvent,
  type ReactElement,
  type Ref,
} from 'react';
import { useStrings } from './ConsoleContext.js';
import { sendStrings } from './sendStrings.js';
import { cx } from './cx.js';
import type { Locale } from './Localized.js';
import { mayHaveBeenSent } from './mayHaveBeenSent.js';
import { transportLabel } from './TransportBadge.js';
import { useClientChannels } from './useClientChannels.js';
import { useComposedRefs } from './useComposedRefs.js';
import { useSendMessage } from './useSendMessage.js';

/**
 * Props of {@link SendMessageForm}: its own, and any prop of its root `<form>` (`id`, `style`,
 * `data-*`, `aria-*`, event handlers other than `onSubmit`, which is the form's own), passed on.
 */
export interface SendMessageFormProps extends Omit<ComponentPropsWithoutRef<'form'>, 'children' | 'onSubmit'> {
  clientId: number;
  /** The client's channels; fetched from the proxy when not given. A picker shows when there are several. */
  channels?: ClientChannel[];
  /** Called after the proxy accepted the message. */
  onSent?: (result: SendMessageResult) => void;
  placeholder?: string;
  /**
   * A ref to the message box, so the host can focus it (after picking a client, on a shortcut)
   * or read the selection: `textareaRef.current?.focus()`. The component's own ref is the `<form>`.
   */
  textareaRef?: Ref<HTMLTextAreaElement>;
  className?: string;
  locale?: Locale;
}

/** The counter shows from this many characters on. */
const COUNTER_FROM = MAX_MESSAGE_LENGTH - 200;

/**
 * Writes to a client: Enter sends, Shift+Enter adds a line, a channel picker when the client has
 * several channels. Sends once (repeated Enter or clicks while sending do nothing); on failure
 * the error shows inline and the text stays, so nothing the operator typed is lost. The ref is
 * the `<form>`; `textareaRef` reaches the message box.
 */
export const SendMessageForm = /* @__PURE__ */ forwardRef<HTMLFormElement, SendMessageFormProps>(function SendMessageForm(
  { clientId, channels: givenChannels, onSent, placeholder, textareaRef: hostTextareaRef, className, locale, ...rootProps },
  ref,
): ReactElement {
  const strings = useStrings(sendStrings, locale);
  const id = useId();
  const [text, setText] = useState('');
  const [channelId, setChannelId] = useState<number | undefined>(undefined);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const composedTextareaRef = useComposedRefs(textareaRef, hostTextareaRef);
  // Guards the gap between a submit and the re-render that disables the form.
  const sending = useRef(false);
  const fetched = useClientChannels(givenChannels ? undefined : clientId);
  const channels = givenChannels ?? fetched.data ?? [];
  const channel = channels.find((c) => c.channelId === channelId) ?? channels[0];
  const mutation = useSendMessage();
  // Another client: start clean, so a draft or an error never lands with the wrong person.
  const [shownClient, setShownClient] = useState(clientId);
  if (shownClient !== clientId) {
    setShownClient(clientId);
    setText('');
    setChannelId(undefined);
    mutation.reset();
  }

  const tooLong = text.length > MAX_MESSAGE_LENGTH;
  const blank = text.trim() === '';
  const errorId = `${id}error`;
  const counterId = `${id}counter`;

  const submit = () => {
    if (sending.current || blank || tooLong) return;
    sending.current = true;
    mutation.mutate(
      {
        clientId,
        text,
        ...(channel ? { channelId: channel.channelId, transport: channel.transport } : {}),
      },
      {
        onSuccess: (result) => {
          setText('');
          onSent?.(result);
        },
        onSettled: () => {
          sending.current = false;
          textareaRef.current?.focus();
        },
      },
    );
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // While an IME composes (Japanese, Chinese, ...), Enter confirms the composition instead.
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    submit();
  };

  const describedBy = [mutation.isError && errorId, text.length >= COUNTER_FROM && counterId].filter(Boolean).join(' ');

  return (
    <form
      {...rootProps}
      ref={ref}
      className={cx('c2d', 'c2d-send', className)}
      onSubmit={onSubmit}
      aria-busy={mutation.isPending}
    >
      {channels.length > 1 && (
        <label className="c2d-send__channel">
          <span>{strings.sendChannel}</span>
          <select
            value={channel?.channelId}
            onChange={(event) => setChannelId(Number(event.target.value))}
            disabled={mutation.isPending}
          >
            {channels.map((c) => (
              <option key={c.channelId} value={c.channelId}>
                {c.name ? `${transportLabel(c.transport)} · ${c.name}` : transportLabel(c.transport)}
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="c2d-send__row">
        <label className="c2d-visually-hidden" htmlFor={`${id}text`}>
          {strings.sendLabel}
        </label>
        <textarea
          ref={composedTextareaRef}
          id={`${id}text`}
          className="c2d-send__text"
          value={text}
          rows={Math.min(6, Math.max(2, text.split('\n').length))}
          placeholder={placeholder ?? strings.sendPlaceholder}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
          readOnly={mutation.isPending}
          aria-invalid={tooLong || mutation.isError}
          aria-describedby={describedBy || undefined}
        />
        <button type="submit" className="c2d-button c2d-button--primary" disabled={mutation.isPending || blank || tooLong}>
          {mutation.isPending ? strings.sendSending : strings.sendButton}
        </button>
      </div>
      {text.length >= COUNTER_FROM && (
        <p id={counterId} className={cx('c2d-send__counter', tooLong && 'c2d-send__counter--over')}>
          {tooLong ? strings.sendTooLong(text.length, MAX_MESSAGE_LENGTH) : `${text.length} / ${MAX_MESSAGE_LENGTH}`}
        </p>
      )}
      {mutation.isError && (
        <p id={errorId} className="c2d-send__error" role="alert">
          {(mayHaveBeenSent(mutation.error) ? strings.sendUnconfirmed : strings.sendFailed)(mutation.error.message)}
        </p>
      )}
    </form>
  );
});
