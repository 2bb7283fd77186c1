export { addSandboxMedia, SANDBOX_UNKNOWN_TYPES } from './addSandboxMedia.js';
export { createSandboxApi, type SandboxApiOptions } from './createSandboxApi.js';
export { createSandboxApp, type SandboxApp, type SandboxAppOptions } from './createSandboxApp.js';
export {
  createSandboxStore,
  SANDBOX_MAX_TEXT,
  type ClientFilter,
  type DialogFilter,
  type MessageFilter,
  type SandboxDialogChange,
  type SandboxOptions,
  type SandboxSendInput,
  type SandboxStore,
  type TransferFilter,
} from './createSandboxStore.js';
export { SANDBOX_BASE_DATE, SANDBOX_ID_BASE, type SandboxData } from './generateSandboxData.js';
export { SandboxError } from './SandboxError.js';
export { isSandboxFault, SANDBOX_FAULTS, type SandboxFault } from './sandboxFaults.js';
export type * from './sandboxRecords.js';
