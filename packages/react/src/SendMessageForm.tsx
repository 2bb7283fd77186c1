import {
  isConsoleApiError,
  MAX_MESSAGE_LENGTH,
  type ClientChannel,
  type SendMessageResult,
  type SendMessageType,
} from '@c2d-console/core';
import { forwardRef, useId, useRef, useState, type ComponentPropsWithoutRef, type ReactElement, type Ref } from 'react';
import { useStrings } from './ConsoleContext.js';
import { cx } from './cx.js';
import { DEFAULT_ATTACHMENT_ACCEPT, DEFAULT_ATTACHMENT_MAX_BYTES } from './fileRules.js';
import type { ConsoleLocale } from './ConsoleLocale.js';
import { mayHaveBeenSent } from './mayHaveBeenSent.js';
import { useQuickReplies } from './QuickReplies.js';
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

/** The proxy refused this seat what it tried to send (403). */
const refusedBy = (error: unknown): boolean => isConsoleApiError(error) && error.code === 'forbidden';

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
  const [channelId, setChannelId] = useState<number>();
  /** The kinds the proxy refused this seat. */
  const [refused, setRefused] = useState<SendMessageType[]>([]);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const composedTextareaRef = useComposedRefs(textareaRef, hostTextareaRef);
  // Guards the gap between a submit and the re-render that disables the form.
  const sending = useRef(false);
  const fetched = useClientChannels(givenChannels ? undefined : clientId);
  const channels = givenChannels ?? fetched.data ?? [];
  const channel = channels.find((c) => c.channelId === channelId) ?? channels[0];
  const mutation = useSendMessage();
  const attachment = useAttachment(uploadFile, maxFileSize, acceptFiles, strings);
  const [quickReplies, quick] = useQuickReplies(text, setText, strings);
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
  const blocked = !text.trim() || tooLong || attachment.busy || refused.includes(type);
  const counted = text.length >= COUNTER_FROM;
  const error = mutation.error;

  const submit = () => {
    if (sending.current || blocked) return;
    sending.current = true;
    mutation.mutate(
      {
        clientId,
        text,
        type,
        attachment: attachment.ready,
        // A note stays in Chat2Desk: no messenger carries it.
        ...(!note && channel && { channelId: channel.channelId, transport: channel.transport }),
      },
      {
        onSuccess: (result) => {
          setText('');
          attachment.remove();
          onSent?.(result);
        },
        onError: (failure) => {
          if (!refusedBy(failure)) return;
          setRefused((before) => [...before, type]);
          // A seat that may not leave notes may still reply: back to Reply, the text kept.
          setType('to_client');
        },
        onSettled: () => {
          sending.current = false;
          textareaRef.current?.focus();
        },
      },
    );
  };

  // cx joins any space-separated list: here, ids.
  const describedBy = cx(error && `${id}error`, counted && `${id}counter`);

  return (
    <form
      {...rootProps}
      ref={ref}
      className={cx('c2d', 'c2d-send', note && 'c2d-send--note', className)}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      aria-busy={mutation.isPending}
    >
      <div className="c2d-send__options">
        {notes && (
          <Segmented
            legend={strings.sendKind}
            options={Object.entries(strings.sendKinds) as Array<[SendMessageType, string]>}
            value={type}
            onChange={setType}
            disabled={refused}
          />
        )}
        {channels.length > 1 && !note && (
          <select
            aria-label={strings.sendChannel}
            value={channel?.channelId}
            onChange={(event) => setChannelId(Number(event.target.value))}
            disabled={mutation.isPending}
          >
            {channels.map((c) => (
              <option key={c.channelId} value={c.channelId}>
                {[transportLabel(c.transport), c.name].filter(Boolean).join(' · ')}
              </option>
            ))}
          </select>
        )}
      </div>
      {quickReplies}
      <textarea
        {...quick}
        ref={composedTextareaRef}
        aria-label={strings.sendLabel}
        value={text}
        placeholder={placeholder ?? (note ? strings.notePlaceholder : strings.sendPlaceholder)}
        onKeyDown={(event) => {
          quick.onKeyDown(event);
          // While an IME composes (Japanese, Chinese, ...), Enter confirms the composition instead.
          if (event.defaultPrevented || event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing || event.keyCode === 229) return;
          event.preventDefault();
          submit();
        }}
        readOnly={mutation.isPending}
        aria-invalid={tooLong || !!error}
        aria-describedby={describedBy || undefined}
      />
      <button type="submit" className="c2d-button c2d-button--primary" disabled={mutation.isPending || blocked}>
        {mutation.isPending ? strings.sendSending : note ? strings.noteButton : strings.sendButton}
      </button>
      {uploadFile && attachment.field}
      {counted && (
        <p id={`${id}counter`} className={tooLong ? 'c2d-send__error' : 'c2d-send__counter'}>
          {tooLong ? strings.sendTooLong(text.length, MAX_MESSAGE_LENGTH) : `${text.length} / ${MAX_MESSAGE_LENGTH}`}
        </p>
      )}
      {error && (
        <p id={`${id}error`} className="c2d-send__error" role="alert">
          {(refusedBy(error) ? strings.sendRefused : mayHaveBeenSent(error) ? strings.sendUnconfirmed : strings.sendFailed)(error.message)}
        </p>
      )}
    </form>
  );
});
