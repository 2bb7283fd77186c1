import {
  isConsoleApiError,
  MAX_MESSAGE_LENGTH,
  type ClientChannel,
  type OutgoingAttachment,
  type SendMessageResult,
  type SendMessageType,
} from '@c2d-console/core';
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
import { cx } from './cx.js';
import { DEFAULT_ATTACHMENT_ACCEPT, DEFAULT_ATTACHMENT_MAX_BYTES } from './fileRules.js';
import type { ConsoleLocale } from './ConsoleLocale.js';
import { mayHaveBeenSent } from './mayHaveBeenSent.js';
import { QuickReplies, useQuickReplies } from './QuickReplies.js';
import { Segmented } from './Segmented.js';
import { sendStrings } from './sendStrings.js';
import { transportLabel } from './TransportBadge.js';
import { useAttachment, type UploadFile } from './useAttachment.js';
import { useClientChannels } from './useClientChannels.js';
import { useComposedRefs } from './useComposedRefs.js';
import { useSendMessage } from './useSendMessage.js';

export type { UploadFile };

/**
 * Props of {@link SendMessageForm}: its own, and any prop of its root `<form>` (`id`, `style`,
 * `data-*`, `aria-*`, event handlers other than `onSubmit`, which is the form's own), passed on.
 */
export interface SendMessageFormProps extends Omit<ComponentPropsWithoutRef<'form'>, 'children' | 'onSubmit'> {
  clientId: number;
  /** The client's channels; fetched from the proxy when not given. A picker shows when there are several. */
  channels?: ClientChannel[];
  /** Called after the proxy accepted the message (or the note). */
  onSent?: (result: SendMessageResult) => void;
  placeholder?: string;
  /** Offer the Reply / Note switch (default true): a note is internal, only operators see it. */
  notes?: boolean;
  /**
   * Stores a file where Chat2Desk can download it and answers its URL (the host's own storage; the
   * sandbox keeps files in memory). Without it, no file can be attached.
   */
  uploadFile?: UploadFile;
  /** Largest attachment in bytes (default 20 MB): the host's rule, said next to the button. */
  maxFileSize?: number;
  /** What may be attached, as `<input accept>` reads it (default photos, video, audio, PDF, office documents). */
  acceptFiles?: string;
  /**
   * A ref to the message box, so the host can focus it (after picking a client, on a shortcut)
   * or read the selection: `textareaRef.current?.focus()`. The component's own ref is the `<form>`.
   */
  textareaRef?: Ref<HTMLTextAreaElement>;
  className?: string;
  locale?: ConsoleLocale;
}

/** The counter shows from this many characters on. */
const COUNTER_FROM = MAX_MESSAGE_LENGTH - 200;

/**
 * Writes to a client, or leaves an internal note (the Reply / Note switch): Enter sends,
 * Shift+Enter adds a line, `/` at the start opens the quick replies (arrows, Enter inserts,
 * Escape closes), a file can be attached when the host can store one (`uploadFile`; the limits
 * said up front), a channel picker when the client has several channels. Sends once (repeated
 * Enter or clicks while sending do nothing); on failure the error shows inline and the text
 * stays, so nothing the operator typed is lost; what the proxy refuses this seat (403) is said
 * and switched off. The ref is the `<form>`; `textareaRef` reaches the message box.
 */
export const SendMessageForm = /* @__PURE__ */ forwardRef<HTMLFormElement, SendMessageFormProps>(function SendMessageForm(
  {
    clientId,
    channels: givenChannels,
    onSent,
    placeholder,
    notes = true,
    uploadFile,
    maxFileSize = DEFAULT_ATTACHMENT_MAX_BYTES,
    acceptFiles = DEFAULT_ATTACHMENT_ACCEPT,
    textareaRef: hostTextareaRef,
    className,
    locale,
    ...rootProps
  },
  ref,
): ReactElement {
  const strings = useStrings(sendStrings, locale);
  const id = useId();
  const [text, setText] = useState('');
  const [type, setType] = useState<SendMessageType>('to_client');
  const [channelId, setChannelId] = useState<number | undefined>(undefined);
  /** What the proxy refused this seat, by kind, with its reason. */
  const [refused, setRefused] = useState<Partial<Record<SendMessageType, string>>>({});
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const composedTextareaRef = useComposedRefs(textareaRef, hostTextareaRef);
  // Guards the gap between a submit and the re-render that disables the form.
  const sending = useRef(false);
  const fetched = useClientChannels(givenChannels ? undefined : clientId);
  const channels = givenChannels ?? fetched.data ?? [];
  const channel = channels.find((c) => c.channelId === channelId) ?? channels[0];
  const mutation = useSendMessage();
  const attachment = useAttachment({ uploadFile, maxFileSize, acceptFiles, strings, locale });
  const quick = useQuickReplies(text, (template) => setText(template.text));
  // Another client: start clean, so a draft or an error never lands with the wrong person.
  const [shownClient, setShownClient] = useState(clientId);
  if (shownClient !== clientId) {
    setShownClient(clientId);
    setText('');
    setChannelId(undefined);
    attachment.remove();
    mutation.reset();
  }

  const note = type === 'comment';
  const tooLong = text.length > MAX_MESSAGE_LENGTH;
  const blank = text.trim() === '';
  const blocked = blank || tooLong || attachment.busy || type in refused;
  const errorId = `${id}error`;
  const counterId = `${id}counter`;

  const submit = () => {
    if (sending.current || blocked) return;
    sending.current = true;
    const file: OutgoingAttachment | undefined = attachment.ready;
    mutation.mutate(
      {
        clientId,
        text,
        ...(note ? { type } : {}),
        ...(file ? { attachment: file } : {}),
        // A note stays in Chat2Desk: no messenger carries it.
        ...(channel && !note ? { channelId: channel.channelId, transport: channel.transport } : {}),
      },
      {
        onSuccess: (result) => {
          setText('');
          attachment.remove();
          onSent?.(result);
        },
        onError: (error) => {
          if (!isConsoleApiError(error) || error.code !== 'forbidden') return;
          setRefused((before) => ({ ...before, [type]: error.message }));
          // A seat that may not leave notes may still reply: back to Reply, the text kept.
          if (note) setType('to_client');
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
    quick.onKeyDown(event);
    // While an IME composes (Japanese, Chinese, ...), Enter confirms the composition instead.
    if (event.defaultPrevented || event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    submit();
  };

  const refusal = mutation.isError && isConsoleApiError(mutation.error) && mutation.error.code === 'forbidden';
  const describedBy = [mutation.isError && errorId, text.length >= COUNTER_FROM && counterId].filter(Boolean).join(' ');

  return (
    <form
      {...rootProps}
      ref={ref}
      className={cx('c2d', 'c2d-send', note && 'c2d-send--note', className)}
      onSubmit={onSubmit}
      aria-busy={mutation.isPending}
    >
      {(notes || channels.length > 1) && (
        <div className="c2d-send__options">
          {notes && (
            <Segmented
              legend={strings.sendKind}
              options={[
                ['to_client', strings.sendKinds.to_client],
                ['comment', strings.sendKinds.comment],
              ]}
              value={type}
              onChange={setType}
              disabled={Object.keys(refused) as SendMessageType[]}
            />
          )}
          {channels.length > 1 && !note && (
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
        </div>
      )}
      <QuickReplies quick={quick} strings={strings} />
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
          placeholder={placeholder ?? (note ? strings.notePlaceholder : strings.sendPlaceholder)}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
          readOnly={mutation.isPending}
          aria-invalid={tooLong || mutation.isError}
          aria-describedby={describedBy || undefined}
          {...quick.textboxProps}
        />
        <button type="submit" className="c2d-button c2d-button--primary" disabled={mutation.isPending || blocked}>
          {mutation.isPending ? strings.sendSending : note ? strings.noteButton : strings.sendButton}
        </button>
      </div>
      {uploadFile && attachment.field}
      {text.length >= COUNTER_FROM && (
        <p id={counterId} className={cx('c2d-send__counter', tooLong && 'c2d-send__counter--over')}>
          {tooLong ? strings.sendTooLong(text.length, MAX_MESSAGE_LENGTH) : `${text.length} / ${MAX_MESSAGE_LENGTH}`}
        </p>
      )}
      {mutation.isError && (
        <p id={errorId} className="c2d-send__error" role="alert">
          {(refusal ? strings.sendRefused : mayHaveBeenSent(mutation.error) ? strings.sendUnconfirmed : strings.sendFailed)(mutation.error.message)}
        </p>
      )}
    </form>
  );
});
