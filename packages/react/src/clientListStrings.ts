import type { Localized } from './Localized.js';
import { plural } from './plural.js';

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

/** Strings of ClientList, in English and Russian. */
export const clientListStrings: Localized<ClientListStrings> = {
  en: {
    clientListLabel: 'Clients',
    clientSearchLabel: 'Search clients',
    clientSearchPlaceholder: 'Name or phone',
    clientSearchClear: 'Clear search',
    clientCount: (count, formatted) => `${formatted} ${plural('en', count, { one: 'client', other: 'clients' })}`,
    clientsLoading: 'Loading clients…',
    clientsLoadingMore: 'Loading more clients…',
    clientsEmpty: 'No clients yet',
    clientsNoMatches: (search) => `Nothing matches “${search}”`,
    clientsError: 'Could not load clients',
    clientsSearchedPartially: (_, total, searched, all) => `Searched ${searched} of ${all} ${plural('en', total, { one: 'client', other: 'clients' })}`,
    clientsSearchMore: 'Search more clients',
    clientUnread: (count, formatted) => `${formatted} ${plural('en', count, { one: 'unread message', other: 'unread messages' })}`,
    clientTagFilter: 'Filter by tag',
    clientTagAll: 'All tags',
    clientTagsLoading: 'Loading tags…',
    clientTagsError: 'Could not load tags',
    clientNoTags: 'No tags in this account',
    clientsNoneTagged: 'No clients with this tag',
  },
  ru: {
    clientListLabel: 'Клиенты',
    clientSearchLabel: 'Поиск клиентов',
    clientSearchPlaceholder: 'Имя или телефон',
    clientSearchClear: 'Очистить поиск',
    clientCount: (count, formatted) =>
      `${formatted} ${plural('ru', count, { one: 'клиент', few: 'клиента', many: 'клиентов', other: 'клиента' })}`,
    clientsLoading: 'Загружаем клиентов…',
    clientsLoadingMore: 'Загружаем ещё клиентов…',
    clientsEmpty: 'Клиентов пока нет',
    clientsNoMatches: (search) => `По запросу «${search}» ничего не найдено`,
    clientsError: 'Не удалось загрузить клиентов',
    // "из 21 клиента", "из 22 клиентов", "из 12 480 клиентов": genitive after "из".
    clientsSearchedPartially: (_, total, searched, all) =>
      `Поиск по ${searched} из ${all} ${plural('ru', total, { one: 'клиента', few: 'клиентов', many: 'клиентов', other: 'клиента' })}`,
    clientsSearchMore: 'Искать среди других клиентов',
    clientUnread: (count, formatted) =>
      `${formatted} ${plural('ru', count, {
        one: 'непрочитанное сообщение',
        few: 'непрочитанных сообщения',
        many: 'непрочитанных сообщений',
        other: 'непрочитанного сообщения',
      })}`,
    clientTagFilter: 'Фильтр по тегу',
    clientTagAll: 'Все теги',
    clientTagsLoading: 'Загружаем теги…',
    clientTagsError: 'Не удалось загрузить теги',
    clientNoTags: 'В аккаунте нет тегов',
    clientsNoneTagged: 'Нет клиентов с этим тегом',
  },
};
