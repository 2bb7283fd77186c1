export {
  DialogFrame,
  DIALOG_FRAME_ALLOW,
  DIALOG_FRAME_REFERRER_POLICY,
  DIALOG_FRAME_SANDBOX,
  type DialogFrameError,
  type DialogFrameProps,
} from './DialogFrame.js';
export { DialogModeSwitch, type DialogModeSwitchProps } from './DialogModeSwitch.js';
export { consoleStrings, type ConsoleStrings, type Locale } from './strings.js';
