import type { Localized } from './Localized.js';

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
  clientsRetry: string;
}

/** Russian noun form for a count: 1 клиент, 2 клиента, 5 клиентов, 21 клиент. */
function ruPlural(count: number, one: string, few: string, many: string): string {
  const tens = count % 100;
  const units = count % 10;
  if (units === 1 && tens !== 11) return one;
  if (units >= 2 && units <= 4 && (tens < 12 || tens > 14)) return few;
  return many;
}

/** Strings of ClientList, in English and Russian. */
export const clientListStrings: Localized<ClientListStrings> = {
  en: {
    clientListLabel: 'Clients',
    clientSearchLabel: 'Search clients',
    clientSearchPlaceholder: 'Name or phone',
    clientSearchClear: 'Clear search',
    clientCount: (count, formatted) => `${formatted} ${count === 1 ? 'client' : 'clients'}`,
    clientsLoading: 'Loading clients…',
    clientsLoadingMore: 'Loading more clients…',
    clientsEmpty: 'No clients yet',
    clientsNoMatches: (search) => `Nothing matches “${search}”`,
    clientsError: 'Could not load clients',
    clientsRetry: 'Retry',
  },
  ru: {
    clientListLabel: 'Клиенты',
    clientSearchLabel: 'Поиск клиентов',
    clientSearchPlaceholder: 'Имя или телефон',
    clientSearchClear: 'Очистить поиск',
    clientCount: (count, formatted) => `${formatted} ${ruPlural(count, 'клиент', 'клиента', 'клиентов')}`,
    clientsLoading: 'Загружаем клиентов…',
    clientsLoadingMore: 'Загружаем ещё клиентов…',
    clientsEmpty: 'Клиентов пока нет',
    clientsNoMatches: (search) => `По запросу «${search}» ничего не найдено`,
    clientsError: 'Не удалось загрузить клиентов',
    clientsRetry: 'Повторить',
  },
};
