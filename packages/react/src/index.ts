export { ConsoleProvider, useConsoleClient, type ConsoleProviderProps } from './ConsoleProvider.js';
export { useConsoleContext, useStrings, type ConsoleContextValue } from './ConsoleContext.js';
export type { ConsoleLocale } from './ConsoleLocale.js';
export {
  createConsoleQueryClient,
  shouldRetryConsoleQuery,
  CONSOLE_STALE_TIME,
} from './createConsoleQueryClient.js';
export { createFormatters, useFormatters, type ConsoleFormatters } from './formatters.js';
export {
  DialogFrame,
  DIALOG_FRAME_ALLOW,
  DIALOG_FRAME_REFERRER_POLICY,
  DIALOG_FRAME_SANDBOX,
  type DialogFrameError,
  type DialogFrameProps,
} from './DialogFrame.js';
export { DialogModeSwitch, type DialogModeSwitchProps } from './DialogModeSwitch.js';
export { ClientDialogFrame, type ClientDialogFrameProps } from './ClientDialogFrame.js';
export { useClientDialog, type ClientDialogResult, type ClientDialogTarget } from './useClientDialog.js';
export { en, type ConsoleStrings } from './strings.js';
export { ClientList, CLIENT_ROW_HEIGHT, type ClientListProps } from './ClientList.js';
export {
  consoleQueries,
  CLIENTS_PAGE_SIZE,
  MESSAGES_REFETCH_INTERVAL,
  type ClientListOptions,
  type ClientPages,
  type ConsoleMessage,
  type ConsoleTransfer,
  type DialogListOptions,
  type DialogPages,
  type MessagePages,
  type TransferListOptions,
  type TransferPages,
} from './consoleQueries.js';
export { useClients, type UseClientsOptions, type UseClientsResult } from './useClients.js';
export { useClient } from './useClient.js';
export { TransferHistory, type TransferHistoryProps } from './TransferHistory.js';
export { MessageHistory, type MessageHistoryProps } from './MessageHistory.js';
export { SendMessageForm, type SendMessageFormProps, type UploadFile } from './SendMessageForm.js';
export { DEFAULT_ATTACHMENT_ACCEPT, DEFAULT_ATTACHMENT_MAX_BYTES } from './fileRules.js';
/** Longest message Chat2Desk takes (re-exported from `@c2d-console/core`). */
export { MAX_MESSAGE_LENGTH } from '@c2d-console/core';
export { transportLabel } from './TransportBadge.js';
export { useTransfers, type UseTransfersOptions, type UseTransfersResult } from './useTransfers.js';
export { useMessages, type UseMessagesResult } from './useMessages.js';
export { useSendMessage, type SendMessageVariables } from './useSendMessage.js';
export { mayHaveBeenSent } from './mayHaveBeenSent.js';
export { useClientChannels } from './useClientChannels.js';
export { DialogList, DIALOG_ROW_HEIGHT, type DialogAssignee, type DialogListProps } from './DialogList.js';
export { useDialogs, type UseDialogsResult } from './useDialogs.js';
export { DialogActions, type DialogActionName, type DialogActionsProps } from './DialogActions.js';
export { useDialogAction, type DialogActionVariables, type TransferTarget } from './useDialogAction.js';
export { ClientCard, type ClientCardProps } from './ClientCard.js';
export { useUpdateClient, useSetClientTags, type UpdateClientVariables, type SetClientTagsVariables } from './useClientEdits.js';
export { useConsoleConnection } from './useConsoleConnection.js';
export type { ConsoleConnectionStatus } from './eventConnection.js';
export { useConsoleEvents } from './useConsoleEvents.js';
export type { ConsoleEventHandler } from './liveConsole.js';
export { useClientActivity, type UseClientActivityResult } from './useClientActivity.js';
export type { ClientActivity, ClientActivityMap } from './clientActivity.js';
