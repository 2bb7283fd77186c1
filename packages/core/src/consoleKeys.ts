import type { DialogsParams } from './operatorWork.js';
import type { ClientsParams, TransfersParams } from './types.js';

/**
 * Query-key factory for TanStack Query (the "effective query keys" pattern): every key starts
 * with `['c2d']`, so `queryClient.invalidateQueries({ queryKey: consoleKeys.all })` refreshes
 * the whole console and `consoleKeys.clients()` every clients list at once.
 */
export const consoleKeys = {
  all: ['c2d'] as const,
  health: () => [...consoleKeys.all, 'health'] as const,
  clients: () => [...consoleKeys.all, 'clients'] as const,
  /** Every clients list, whatever its search: the prefix of each `clientList` key. */
  clientLists: () => [...consoleKeys.clients(), 'list'] as const,
  clientList: (params: Omit<ClientsParams, 'offset'> = {}) => [...consoleKeys.clientLists(), params] as const,
  client: (id: number) => [...consoleKeys.clients(), 'detail', id] as const,
  clientChannels: (id: number) => [...consoleKeys.clients(), 'channels', id] as const,
  messages: (clientId: number) => [...consoleKeys.all, 'messages', clientId] as const,
  /** Every transfer history, whatever its ids: the prefix of each `transfers` key. */
  transferLists: () => [...consoleKeys.all, 'transfers'] as const,
  transfers: (params: Omit<TransfersParams, 'offset'> = {}) => [...consoleKeys.transferLists(), params] as const,
  /** The client's current dialog (`GET /clients/:id/dialog`). */
  clientDialog: (clientId: number) => [...consoleKeys.clients(), 'dialog', clientId] as const,
  /** Every dialog query: the prefix of `dialog` and `dialogList` keys. */
  dialogs: () => [...consoleKeys.all, 'dialogs'] as const,
  dialog: (id: number) => [...consoleKeys.dialogs(), id] as const,
  /** Every inbox list, whatever its filters: the prefix of each `dialogList` key. */
  dialogLists: () => [...consoleKeys.dialogs(), 'list'] as const,
  dialogList: (params: Omit<DialogsParams, 'offset'> = {}) => [...consoleKeys.dialogLists(), params] as const,
  operators: () => [...consoleKeys.all, 'operators'] as const,
  operatorGroups: () => [...consoleKeys.all, 'operator-groups'] as const,
  templates: () => [...consoleKeys.all, 'templates'] as const,
  tags: () => [...consoleKeys.all, 'tags'] as const,
};
