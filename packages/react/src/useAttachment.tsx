import type { OutgoingAttachment } from '@c2d-console/core';
import { useId, useRef, useState, type ReactElement } from 'react';
import { ENGLISH_CODE, useLocale } from './ConsoleContext.js';
import { acceptsFile, DEFAULT_ATTACHMENT_ACCEPT } from './fileRules.js';
import type { ConsoleLocale } from './ConsoleLocale.js';
import type { SendStrings } from './sendStrings.js';

/**
 * The host's upload: stores `file` where Chat2Desk can download it and answers its URL (and the
 * name the client sees, when it is not the file's own).
 */
export type UploadFile = (file: File) => Promise<OutgoingAttachment | string>;

type AttachmentState =
  | { status: 'idle' }
  | { status: 'uploading'; name: string }
  | { status: 'ready'; name: string; file: OutgoingAttachment }
  | { status: 'failed'; message: string };

/** Options of {@link useAttachment}. */
export interface AttachmentOptions {
  uploadFile: UploadFile | undefined;
  maxFileSize: number;
  acceptFiles: string;
  strings: SendStrings;
  locale?: ConsoleLocale;
}

/** What {@link useAttachment} returns. */
export interface Attachment {
  /** The uploaded file, ready to go with the message. */
  ready: OutgoingAttachment | undefined;
  /** An upload is running: the message waits for it. */
  busy: boolean;
  /** Drops the file (or forgets an upload still running). */
  remove: () => void;
  /** The attach button with the limits, the upload's progress, or the file with its remove button. */
  field: ReactElement;
}

/** "20 MB" / "20 МБ". */
function formatSize(bytes: number, code: string): string {
  return new Intl.NumberFormat(code, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(bytes / 1_000_000);
}

/**
 * @internal The attachment of `SendMessageForm`: checks a picked file against the limits (said
 * up front, beside the button), hands it to the host's `uploadFile` at once, shows it uploading,
 * then as a chip the operator can remove before sending. A failed or refused file says why.
 */
export function useAttachment({ uploadFile, maxFileSize, acceptFiles, strings, locale }: AttachmentOptions): Attachment {
  const id = useId();
  const [state, setState] = useState<AttachmentState>({ status: 'idle' });
  // Each pick gets a number: the answer of an upload that was removed or replaced is ignored.
  const picks = useRef(0);
  const maxSize = formatSize(maxFileSize, useLocale(locale)?.code ?? ENGLISH_CODE);

  const remove = () => {
    picks.current += 1;
    setState({ status: 'idle' });
  };
  const pick = (file: File) => {
    const pickNumber = (picks.current += 1);
    if (!acceptsFile(acceptFiles, file)) return setState({ status: 'failed', message: strings.attachWrongType(file.name) });
    if (file.size > maxFileSize) return setState({ status: 'failed', message: strings.attachTooBig(file.name, maxSize) });
    if (!uploadFile) return undefined;
    setState({ status: 'uploading', name: file.name });
    uploadFile(file).then(
      (result) => {
        if (picks.current !== pickNumber) return;
        const { url, filename = file.name } = typeof result === 'string' ? { url: result } : result;
        setState({ status: 'ready', name: filename, file: { url, filename } });
      },
      (error: unknown) => {
        if (picks.current !== pickNumber) return;
        setState({ status: 'failed', message: strings.attachFailed(file.name, error instanceof Error ? error.message : String(error)) });
      },
    );
    return undefined;
  };

  let control: ReactElement;
  if (state.status === 'ready') {
    control = (
      <span className="c2d-chip">
        <span className="c2d-chip__label" title={state.name}>
          📎 {state.name}
        </span>
        <button type="button" className="c2d-chip__remove" aria-label={strings.attachRemove(state.name)} onClick={remove}>
          ×
        </button>
      </span>
    );
  } else if (state.status === 'uploading') {
    control = (
      <span className="c2d-send__uploading" role="status">
        <span className="c2d-spinner" aria-hidden="true" />
        {strings.attachUploading(state.name)}
        <button type="button" className="c2d-chip__remove" aria-label={strings.attachRemove(state.name)} onClick={remove}>
          ×
        </button>
      </span>
    );
  } else {
    control = (
      <>
        <input
          id={`${id}file`}
          className="c2d-send__file c2d-visually-hidden"
          type="file"
          accept={acceptFiles}
          aria-describedby={`${id}limits`}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) pick(file);
          }}
        />
        <label htmlFor={`${id}file`} className="c2d-button c2d-send__attach-button">
          <span aria-hidden="true">📎</span> {strings.attach}
        </label>
        <span id={`${id}limits`} className="c2d-send__limits">
          {strings.attachLimits(maxSize, acceptFiles === DEFAULT_ATTACHMENT_ACCEPT ? null : acceptFiles)}
        </span>
      </>
    );
  }

  return {
    ready: state.status === 'ready' ? state.file : undefined,
    busy: state.status === 'uploading',
    remove,
    field: (
      <div className="c2d-send__attach">
        {control}
        {state.status === 'failed' && (
          <p className="c2d-send__error" role="alert">
            {state.message}
          </p>
        )}
      </div>
    ),
  };
}
