import type { Client } from '@c2d-console/core';
import { useId, useState, type ReactElement } from 'react';
import { ClientCardSection, isRefused } from './ClientCardSection.js';
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
  /** What the box holds while open; null once closed, undefined before it ever opened. */
  const [draft, setDraft] = useState<string | null>();
  const editing = typeof draft === 'string';

  const close = () => {
    mutation.reset();
    setDraft(null);
  };
  const save = () => {
    if (!editing || mutation.isPending) return;
    if (draft === (client.comment ?? '')) return close();
    setDraft(null);
    mutation.mutate(
      { clientId: client.id, changes: { comment: draft } },
      // What the operator wrote comes back, to save again or copy (unless the seat may not).
      { onError: (error) => isRefused(error) || setDraft(draft) },
    );
  };

  return (
    <ClientCardSection
      label={strings.cardComment}
      action={
        !editing && (
          <button
            type="button"
            className="c2d-button c2d-button--small"
            // Focus follows the operator: back to Edit when the box closes (it mounts again then).
            // oxlint-disable-next-line jsx-a11y/no-autofocus -- only after the operator's own Save or Cancel, never on load
            autoFocus={draft === null}
            disabled={isRefused(mutation.error) || mutation.isPending}
            onClick={() => setDraft(client.comment ?? '')}
          >
            {mutation.isPending ? strings.cardSaving : strings.cardEdit}
          </button>
        )
      }
      error={mutation.error}
      failed={strings.cardSaveFailed}
      strings={strings}
    >
      {editing ? (
        <>
          <textarea
            className="c2d-client-card__box"
            aria-label={strings.cardComment}
            aria-describedby={id}
            // oxlint-disable-next-line jsx-a11y/no-autofocus -- opened by the operator's own Edit
            autoFocus
            value={draft}
            rows={3}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape' || (event.key === 'Enter' && (event.ctrlKey || event.metaKey))) {
                event.preventDefault();
                (event.key === 'Escape' ? close : save)();
              }
            }}
          />
          <p id={id}>
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
    </ClientCardSection>
  );
}
