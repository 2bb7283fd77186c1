export { createSandboxApp, type SandboxApp } from './createSandboxApp.js';
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
export { SANDBOX_BASE_DATE, SANDBOX_ID_BASE, type DialogRoute, type SandboxChannel, type SandboxData } from './generateSandboxData.js';
export { SandboxError } from './SandboxError.js';
