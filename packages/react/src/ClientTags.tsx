import type { Client, Tag } from '@c2d-console/core';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState, type ReactElement } from 'react';
import { ClientCardSection, isRefused } from './ClientCardSection.js';
import type { ClientCardStrings } from './clientCardStrings.js';
import { useConsoleClient } from './ConsoleProvider.js';
import { consoleQueries } from './consoleQueries.js';
import type { ConsoleLocale } from './ConsoleLocale.js';
import { matchesSearch, Picker } from './Picker.js';
import { useSetClientTags } from './useClientEdits.js';

/**
 * @internal The client's tags in `ClientCard`: chips with a remove button each, and "Add tag"
 * opening a picker of the account's other tags (`consoleQueries.tags`), grouped as Chat2Desk
 * groups them. Each change shows at once and is rolled back with the reason if the proxy refuses.
 */
export function ClientTags({ client, strings, locale }: { client: Client; strings: ClientCardStrings; locale?: ConsoleLocale }): ReactElement {
  const api = useConsoleClient();
  const mutation = useSetClientTags();
  /** Whether the picker is open; undefined before it ever opened. */
  const [picking, setPicking] = useState<boolean>();
  const [search, setSearch] = useState('');
  const tags = useQuery({ ...consoleQueries.tags(api), enabled: !!picking });
  const addButton = useRef<HTMLButtonElement>(null);
  const off = isRefused(mutation.error);

  const change = (next: Tag[]) => {
    setPicking(false);
    setSearch('');
    // The chip that had focus is gone: it goes to "Add tag" (which mounts focused after the picker).
    addButton.current?.focus();
    mutation.mutate({ clientId: client.id, tags: next });
  };
  const sections = new Map<string | undefined, Tag[]>();
  for (const tag of tags.data ?? []) {
    if (client.tags.some(({ id }) => id === tag.id) || !matchesSearch(search, tag.label, tag.groupName, tag.description)) continue;
    const group = tag.groupName || undefined;
    sections.set(group, [...(sections.get(group) ?? []), tag]);
  }

  return (
    <ClientCardSection
      label={strings.cardTags}
      action={
        !picking && (
          <button
            ref={addButton}
            type="button"
            className="c2d-button c2d-button--small"
            // Focus follows the operator: back here when the picker closes (this mounts again then).
            // oxlint-disable-next-line jsx-a11y/no-autofocus -- only after the operator's own pick or cancel, never on load
            autoFocus={picking === false}
            disabled={off}
            onClick={() => setPicking(true)}
          >
            {strings.cardAddTag}
          </button>
        )
      }
      error={mutation.error}
      failed={strings.cardTagFailed}
      strings={strings}
    >
      {client.tags.length === 0 ? (
        <p className="c2d-client-card__text" data-empty>
          {strings.cardNoTags}
        </p>
      ) : (
        <ul className="c2d-client-card__tags" aria-label={strings.cardTags}>
          {client.tags.map((tag) => (
            <li key={tag.id} className="c2d-chip" title={tag.description ?? undefined}>
              <span className="c2d-chip__label">{tag.label}</span>
              <button
                type="button"
                className="c2d-chip__remove"
                aria-label={strings.cardRemoveTag(tag.label)}
                disabled={off || mutation.isPending}
                onClick={() => change(client.tags.filter((other) => other !== tag))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {picking && (
        <>
          <Picker<Tag>
            label={strings.cardAddTag}
            placeholder={strings.cardTagSearch}
            sections={[...sections].map(([heading, options]) => ({
              heading,
              options: options.map((tag) => ({ key: String(tag.id), label: tag.label, meta: tag.description ?? undefined, value: tag })),
            }))}
            search={search}
            onSearchChange={setSearch}
            onPick={(tag) => change([...client.tags, tag])}
            onCancel={() => setPicking(false)}
            loading={tags.isPending && !tags.error && strings.cardTagsLoading}
            error={tags.error && { title: strings.cardTagsError, error: tags.error, retry: () => void tags.refetch() }}
            noMatches={strings.cardNoTagMatches}
            more={strings.cardMoreTags}
            locale={locale}
          />
          <button type="button" className="c2d-button c2d-button--small" onClick={() => setPicking(false)}>
            {strings.cardCancel}
          </button>
        </>
      )}
    </ClientCardSection>
  );
}
