import type { Client } from '@c2d-console/core';
import { isConsoleApiError } from '@c2d-console/core';
import { useEffect, useId, useRef, useState, type ReactElement } from 'react';
import type { ClientCardStrings } from './clientCardStrings.js';
import { useUpdateClient } from './useClientEdits.js';

/**
 * @internal The client's comment in `ClientCard`, edited in place: Edit opens a box (focused),
 * Save or Ctrl+Enter keeps it (shown at once, rolled back with the reason if the proxy refuses),
 * Cancel or Escape leaves it as it was; focus goes back to Edit.
 */
export function ClientComment({ client, strings }: { client: Client; strings: ClientCardStrings }): ReactElement {
  const id = useId();
  const mutation = useUpdateClient();
  const [draft, setDraft] = useState<string | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const edit = useRef<HTMLButtonElement>(null);
  const editing = draft !== null;
  // Focus follows the operator: into the box when it opens, back to Edit when it closes.
  const opened = useRef(false);
  useEffect(() => {
    if (editing) box.current?.focus();
    else if (opened.current) edit.current?.focus();
    opened.current = editing;
  }, [editing]);

  const close = () => {
    mutation.reset();
    setDraft(null);
  };
  const save = () => {
    if (draft === null || mutation.isPending) return;
    if (draft === (client.comment ?? '')) return close();
    setDraft(null);
    mutation.mutate(
      { clientId: client.id, changes: { comment: draft } },
      {
        onError: (error) => {
          if (isConsoleApiError(error) && error.code === 'forbidden') setRefused(error.message);
          // What the operator wrote comes back, to save again or copy.
          else setDraft(draft);
        },
      },
    );
  };

  return (
    <div className="c2d-client-card__section" role="group" aria-labelledby={`${id}label`}>
      <div className="c2d-client-card__section-head">
        <span id={`${id}label`} className="c2d-client-card__label">
          {strings.cardComment}
        </span>
        {!editing && (
          <button ref={edit} type="button" className="c2d-button c2d-button--small" disabled={refused !== null || mutation.isPending} onClick={() => setDraft(client.comment ?? '')}>
            {mutation.isPending ? strings.cardSaving : strings.cardEdit}
          </button>
        )}
      </div>
      {editing ? (
        <>
          <textarea
            ref={box}
            className="c2d-client-card__box"
            aria-labelledby={`${id}label`}
            aria-describedby={`${id}keys`}
            value={draft}
            rows={3}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                event.preventDefault();
                close();
              } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                save();
              }
            }}
          />
          <p id={`${id}keys`} className="c2d-client-card__hint">
            {strings.cardCommentKeys}
          </p>
          <div className="c2d-client-card__buttons">
            <button type="button" className="c2d-button c2d-button--primary c2d-button--small" onClick={save}>
              {strings.cardSave}
            </button>
            <button type="button" className="c2d-button c2d-button--small" onClick={close}>
              {strings.cardCancel}
            </button>
          </div>
        </>
      ) : (
        <p className="c2d-client-card__text" data-empty={!client.comment || undefined}>
          {client.comment || strings.cardNoComment}
        </p>
      )}
      {(refused || mutation.isError) && (
        <p className="c2d-client-card__error" role="alert">
          {refused ? strings.cardRefused(refused) : strings.cardSaveFailed(mutation.error?.message ?? '')}
        </p>
      )}
    </div>
  );
}
