import type { Tag } from '@c2d-console/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import type { ClientListStrings } from './clientListStrings.js';
import { useConsoleClient } from './ConsoleProvider.js';
import { consoleQueries } from './consoleQueries.js';

/** Props of {@link ClientTagFilter}. */
export interface ClientTagFilterProps {
  /** The tag the list is narrowed to, or null for every client. */
  value: number | null;
  onChange: (tagId: number | null) => void;
  strings: ClientListStrings;
}

/**
 * @internal The tag filter of `ClientList`: a native select (the keyboard and screen readers
 * know it; it fits a 280 px panel) over the account's tags, in Chat2Desk's tag groups. The tags
 * (`consoleQueries.tags`) are fetched when the operator reaches for it (pointer over it, or focus)
 * or a tag is set: Chat2Desk bills calls, and most visits never filter.
 */
export function ClientTagFilter({ value, onChange, strings }: ClientTagFilterProps): ReactElement {
  const api = useConsoleClient();
  const [wanted, setWanted] = useState(false);
  const tags = useQuery({ ...consoleQueries.tags(api), enabled: wanted || value !== null });
  const want = () => {
    setWanted(true);
    // A failure is asked again the next time the operator reaches for the list.
    if (tags.isError) void tags.refetch();
  };

  const groups = new Map<string, Tag[]>();
  for (const tag of tags.data ?? []) groups.set(tag.groupName ?? '', [...(groups.get(tag.groupName ?? '') ?? []), tag]);
  const option = (tag: Tag) => (
    <option key={tag.id} value={tag.id} title={tag.description ?? undefined}>
      {tag.label}
    </option>
  );
  // Said in the list, as a choice that cannot be made, while it has no tags to offer.
  const status = tags.isError
    ? strings.clientTagsError
    : tags.data
      ? tags.data.length === 0 && strings.clientNoTags
      : (wanted || value !== null) && strings.clientTagsLoading;

  return (
    <select
      aria-label={strings.clientTagFilter}
      value={value ?? ''}
      onFocus={want}
      onPointerEnter={want}
      onChange={(event) => onChange(event.target.value ? Number(event.target.value) : null)}
    >
      <option value="">{strings.clientTagAll}</option>
      {/* A tag set before the tags arrive (or one the account no longer has) still shows as chosen. */}
      {value !== null && !tags.data?.some((tag) => tag.id === value) && (
        <option value={value}>{tags.data ? `#${value}` : strings.clientTagsLoading}</option>
      )}
      {status && value === null && <option disabled>{status}</option>}
      {[...groups].map(([group, grouped]) =>
        group ? (
          <optgroup key={group} label={group}>
            {grouped.map(option)}
          </optgroup>
        ) : (
          grouped.map(option)
        ),
      )}
    </select>
  );
}
