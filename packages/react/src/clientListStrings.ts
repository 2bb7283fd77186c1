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
  },
};
