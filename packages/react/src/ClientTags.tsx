import { isConsoleApiError, type Client, type Tag } from '@c2d-console/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type ReactElement } from 'react';
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
  const id = useId();
  const api = useConsoleClient();
  const mutation = useSetClientTags();
  const [picking, setPicking] = useState(false);
  const [search, setSearch] = useState('');
  const [refused, setRefused] = useState<string | null>(null);
  const tags = useQuery({ ...consoleQueries.tags(api), enabled: picking });
  const addButton = useRef<HTMLButtonElement>(null);
  const wasPicking = useRef(false);
  useEffect(() => {
if (!picking && wasPicking.current) addButton.current?.focus();
    wasPicking.current = picking;
  }, [picking]);

  const change = (next: Tag[]) => {
    setPicking(false);
    setSearch('');
    // The chip (or the picker) that had focus is gone: it goes to "Add tag".
    addButton.current?.focus();
    mutation.mutate(
      { clientId: client.id, tags: next },
      {
        onError: (error) => {
          if (isConsoleApiError(error) && error.code === 'forbidden') setRefused(error.message);
        },
      },
    );
  };
  const off = refused !== null;
  const has = new Set(client.tags.map((tag) => tag.id));
  const sections = new Map<string, Tag[]>();
  for (const tag of tags.data ?? []) {
    if (has.has(tag.id) || !matchesSearch(search, tag.label, tag.groupName, tag.description)) continue;
    const group = tag.groupName ?? '';
    sections.set(group, [...(sections.get(group) ?? []), tag]);
  }

  return (
    <div className="c2d-client-card__section" role="group" aria-labelledby={`${id}label`}>
      <div className="c2d-client-card__section-head">
        <span id={`${id}label`} className="c2d-client-card__label">
          {strings.cardTags}
        </span>
        {!picking && (
          <button ref={addButton} type="button" className="c2d-button c2d-button--small" disabled={off} onClick={() => setPicking(true)}>
            {strings.cardAddTag}
          </button>
        )}
      </div>
      {client.tags.length === 0 ? (
        <p className="c2d-client-card__text" data-empty>
          {strings.cardNoTags}
        </p>
      ) : (
        <ul className="c2d-client-card__tags" aria-labelledby={`${id}label`}>
          {client.tags.map((tag) => (
            <li key={tag.id} className="c2d-chip" title={tag.description ?? undefined}>
              <span className="c2d-chip__label">{tag.label}</span>
              <button
                type="button"
                className="c2d-chip__remove"
                aria-label={strings.cardRemoveTag(tag.label)}
                disabled={off || mutation.isPending}
                onClick={() => change(client.tags.filter((other) => other.id !== tag.id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {picking && (
        <Picker<Tag>
          label={strings.cardAddTag}
          placeholder={strings.cardTagSearch}
          sections={[...sections].map(([heading, options]) => ({
            heading: heading || undefined,
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
      )}
      {picking && (
        <button type="button" className="c2d-button c2d-button--small" onClick={() => setPicking(false)}>
          {strings.cardCancel}
        </button>
      )}
      {(refused || mutation.isError) && (
        <p className="c2d-client-card__error" role="alert">
          {refused ? strings.cardRefused(refused) : strings.cardTagFailed(mutation.error?.message ?? '')}
        </p>
      )}
    </div>
  );
}
