export {
  buildDialogUrl,
  DEFAULT_DIALOG_HOST,
  DIALOG_HOSTS,
  DIALOG_MODES,
  isDialogId,
  isDialogMode,
  normalizeDialogHost,
  type DialogMode,
  type DialogUrlOptions,
} from './buildDialogUrl.js';
export { Chat2DeskConfigError } from './Chat2DeskConfigError.js';
export { ConsoleApiError, isConsoleApiError } from './ConsoleApiError.js';
export { consoleKeys } from './consoleKeys.js';
export {
  createConsoleClient,
  type ConsoleClient,
  type ConsoleClientOptions,
  type RequestOptions,
  type StreamEventsOptions,
} from './createConsoleClient.js';
export {
  CONSOLE_EVENT_TYPES,
  type ConsoleClientEvent,
  type ConsoleDialogEvent,
  type ConsoleEvent,
  type ConsoleMessageEvent,
  type ConsoleResyncEvent,
  type ConsoleTransferEvent,
} from './events.js';
export { readEventStream } from './readEventStream.js';
export { MAX_MESSAGE_LENGTH, sendFingerprint, type SendIdentity } from './sendIdentity.js';
export {
  CONSOLE_ACTIONS,
  type ClientTagsInput,
  type ClientUpdateInput,
  type ConsoleAction,
  type DialogActionInput,
  type DialogsParams,
  type DialogTransferInput,
  type InboxClient,
  type InboxDialog,
  type OperatorGroup,
  type Tag,
  type Template,
} from './operatorWork.js';
export type * from './types.js';
