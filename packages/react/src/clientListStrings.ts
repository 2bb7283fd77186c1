/** Strings of ClientList. */
export interface ClientListStrings {
  clientListLabel: string;
  clientSearchLabel: string;
  clientSearchPlaceholder: string;
  clientSearchClear: string;
  /** "1,234 clients"; `formatted` is `count` grouped in the locale. */
  clientCount: (count: number, formatted: string) => string;
  clientsLoading: string;
  clientsLoadingMore: string;
  clientsEmpty: string;
  clientsNoMatches: (search: string) => string;
  clientsError: string;
  /**
   * While the proxy cannot search names, the list searches what it has loaded and says how
   * much: "Searched 200 of 12,480 clients"; the `formatted` numbers are grouped in the locale.
   */
  clientsSearchedPartially: (searched: number, total: number, searchedFormatted: string, totalFormatted: string) => string;
  /** Loads the next page of clients to search through. */
  clientsSearchMore: string;
  /** Read with a client's unread badge: "3 unread messages"; `formatted` is `count` in the locale. */
  clientUnread: (count: number, formatted: string) => string;
  /** Names the tag filter. */
  clientTagFilter: string;
  /** The tag filter's choice of every client. */
  clientTagAll: string;
  clientTagsLoading: string;
  clientTagsError: string;
  clientNoTags: string;
  /** The list is narrowed to a tag no client has. */
  clientsNoneTagged: string;
}

/** Strings of ClientList, in English (built in; other languages are packs: `locales/`). English has one plural: "1 client", else "clients". */
export const clientListStrings: ClientListStrings = {
  clientListLabel: 'Clients',
  clientSearchLabel: 'Search clients',
  clientSearchPlaceholder: 'Name or phone',
  clientSearchClear: 'Clear search',
  clientCount: (count, formatted) => `${formatted} client${count === 1 ? '' : 's'}`,
  clientsLoading: 'Loading clients…',
  clientsLoadingMore: 'Loading more…',
  clientsEmpty: 'No clients yet',
  clientsNoMatches: (search) => `Nothing matches “${search}”`,
  clientsError: 'Could not load clients',
  clientsSearchedPartially: (_, total, searched, all) => `Searched ${searched} of ${all} client${total === 1 ? '' : 's'}`,
  clientsSearchMore: 'Search more clients',
  clientUnread: (count, formatted) => `${formatted} unread message${count === 1 ? '' : 's'}`,
  clientTagFilter: 'Filter by tag',
  clientTagAll: 'All tags',
  clientTagsLoading: 'Loading tags…',
  clientTagsError: 'Could not load tags',
  clientNoTags: 'No tags yet',
  clientsNoneTagged: 'No clients with this tag',
};
