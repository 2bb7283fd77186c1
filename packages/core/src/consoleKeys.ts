import type { DialogsParams } from './operatorWork.js';
import type { ClientsParams, TransfersParams } from './types.js';

/**
 * Query-key factory for TanStack Query (the "effective query keys" pattern): every key starts
 * with `['c2d']`, so `queryClient.invalidateQueries({ queryKey: consoleKeys.all })` refreshes
 * the whole console and `consoleKeys.clients()` every clients list at once.
 */
export const consoleKeys = {
  all: ['c2d'] as const,
  health: () => key('health'),
  clients: () => key('clients'),
  /** Every clients list, whatever its search: the prefix of each `clientList` key. */
  clientLists: () => key('clients', 'list'),
  clientList: (params: Omit<ClientsParams, 'offset'> = {}) => key('clients', 'list', params),
  client: (id: number) => key('clients', 'detail', id),
  clientChannels: (id: number) => key('clients', 'channels', id),
  messages: (clientId: number) => key('messages', clientId),
  /** Every transfer history, whatever its ids: the prefix of each `transfers` key. */
  transferLists: () => key('transfers'),
  transfers: (params: Omit<TransfersParams, 'offset'> = {}) => key('transfers', params),
  /** The client's current dialog (`GET /clients/:id/dialog`). */
  clientDialog: (clientId: number) => key('clients', 'dialog', clientId),
  /** Every dialog query: the prefix of `dialog` and `dialogList` keys. */
  dialogs: () => key('dialogs'),
  dialog: (id: number) => key('dialogs', id),
  /** Every inbox list, whatever its filters: the prefix of each `dialogList` key. */
  dialogLists: () => key('dialogs', 'list'),
  dialogList: (params: Omit<DialogsParams, 'offset'> = {}) => key('dialogs', 'list', params),
  operators: () => key('operators'),
  operatorGroups: () => key('operator-groups'),
  templates: () => key('templates'),
  tags: () => key('tags'),
};

/** A key under the console's root, `['c2d', ...parts]`, typed as the tuple it is. */
function key<const P extends readonly unknown[]>(...parts: P): readonly ['c2d', ...P] {
  return ['c2d', ...parts];
}
