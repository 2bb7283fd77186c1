import type { OutgoingAttachment } from '@c2d-console/core';
import { useId, useRef, useState, type ReactElement } from 'react';
import { acceptsFile, DEFAULT_ATTACHMENT_ACCEPT } from './fileRules.js';
import type { SendStrings } from './sendStrings.js';

/**
 * The host's upload: stores `file` where Chat2Desk can download it and answers its URL (and the
 * name the client sees, when it is not the file's own).
 */
export type UploadFile = (file: File) => Promise<OutgoingAttachment | string>;

/** What {@link useAttachment} returns. */
export interface Attachment {
  /** The uploaded file, ready to go with the message. */
  ready: OutgoingAttachment | undefined;
  /** An upload is running: the message waits for it. */
  busy: boolean;
  /** Drops the file (or forgets an upload still running) and what went wrong with the last one. */
  remove: () => void;
  /** The attach button with the limits, or the file (uploading, then ready) with its remove button. */
  field: ReactElement;
}

/**
 * Nothing picked (`{}`), refused or failed (`error`), uploading (`filename`), or ready to go
 * (`filename` and `url`).
 */
type AttachmentState = Partial<OutgoingAttachment> & { error?: string };

/**
 * @internal The attachment of `SendMessageForm`: checks a picked file against the limits (said
 * up front, beside the button), hands it to the host's `uploadFile` at once, shows it uploading,
 * then as a chip the operator can remove before sending. A failed or refused file says why.
 */
export function useAttachment(
  uploadFile: UploadFile | undefined,
  maxFileSize: number,
  acceptFiles: string,
  strings: SendStrings,
): Attachment {
  const id = useId();
  const [{ url, filename, error }, setState] = useState<AttachmentState>({});
  // Each pick gets a number: the answer of an upload that was removed or replaced is ignored.
  const picks = useRef(0);
  // In megabytes, to a tenth.
  const maxSize = Math.round(maxFileSize / 1e5) / 10;

  const remove = () => {
    picks.current += 1;
    setState({});
  };
  const pick = (file: File) => {
    const pickNumber = (picks.current += 1);
    const { name } = file;
    const settle = (state: AttachmentState) => picks.current === pickNumber && setState(state);
    if (!acceptsFile(acceptFiles, file)) return setState({ error: strings.attachWrongType(name) });
    if (file.size > maxFileSize) return setState({ error: strings.attachTooBig(name, maxSize) });
    setState({ filename: name });
    return uploadFile?.(file).then(
      (result) => settle(typeof result === 'string' ? { url: result, filename: name } : { url: result.url, filename: result.filename ?? name }),
      (failure: unknown) => settle({ error: strings.attachFailed(name, String(failure instanceof Error ? failure.message : failure)) }),
    );
  };

  return {
    ready: url ? { url, filename } : undefined,
    busy: !!filename && !url,
    remove,
    field: (
      <div className="c2d-send__attach">
        {filename ? (
          <span className="c2d-chip">
            {/* A status: "uploading" is announced, and so is the file once it is ready. Uploading (no title yet), CSS draws a spinner. */}
            <span className="c2d-chip__label" role="status" title={url && filename}>
              {url ? `📎 ${filename}` : strings.attachUploading(filename)}
            </span>
            <button type="button" className="c2d-chip__remove" aria-label={strings.attachRemove(filename)} onClick={remove}>
              ×
            </button>
          </span>
        ) : (
          <>
            {/* The label's 📎 is drawn by CSS, out of the accessible name. */}
            <input
              id={`${id}file`}
              className="c2d-visually-hidden"
              type="file"
              accept={acceptFiles}
              aria-describedby={`${id}limits`}
              onChange={(event) => {
                const file = event.target.files?.[0];
                event.target.value = '';
                if (file) pick(file);
              }}
            />
            <label htmlFor={`${id}file`} className="c2d-button">
              {strings.attach}
            </label>
            <span id={`${id}limits`}>{strings.attachLimits(maxSize, acceptFiles === DEFAULT_ATTACHMENT_ACCEPT ? null : acceptFiles)}</span>
          </>
        )}
        {error && (
          <p className="c2d-send__error" role="alert">
            {error}
          </p>
        )}
      </div>
    ),
  };
}
