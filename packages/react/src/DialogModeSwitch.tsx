import { DIALOG_MODES, type DialogMode } from '@c2d-console/core';
import { forwardRef, type ComponentPropsWithoutRef, type ReactElement } from 'react';
import { useStrings } from './ConsoleContext.js';
import { frameStrings } from './frameStrings.js';
import { cx } from './cx.js';
import type { ConsoleLocale } from './ConsoleLocale.js';
import { Segmented } from './Segmented.js';

/**
 * Props of {@link DialogModeSwitch}: its own, and any prop of its root `<fieldset>` (`id`,
 * `style`, `data-*`, `aria-*`, event handlers), which it passes on.
 */
export interface DialogModeSwitchProps extends Omit<ComponentPropsWithoutRef<'fieldset'>, 'children' | 'onChange' | 'defaultValue'> {
  value: DialogMode;
  onChange: (mode: DialogMode) => void;
  /** Modes that cannot be picked now, e.g. 2 and 3 while no dialog is selected. */
  disabledModes?: readonly DialogMode[];
  className?: string;
  locale?: ConsoleLocale;
}

/** 16×16 outline icons, shown beside the labels and alone when the switch is narrow. */
const MODE_ICONS: Record<DialogMode, string> = {
  // A window with its side menu: the full Chat2Desk UI.
  1: 'M2 3h12v10H2zM6 3v10',
  // A speech bubble: this dialog, with replies.
  2: 'M2.5 3h11v7.5h-6L4.5 13v-2.5h-2z',
  // An eye: this dialog, read-only.
  3: 'M1.5 8S4 3.5 8 3.5 14.5 8 14.5 8 12 12.5 8 12.5 1.5 8 1.5 8zM8 10a2 2 0 1 0 0-4 2 2 0 0 0 0 4z',
};

/**
 * A segmented control for the dialog frame's mode (1 full, 2 dialog, 3 read-only), on `Segmented`'s
 * native radio buttons: arrow keys move between modes, and screen readers announce a radio group.
 * It fills the width it is given (up to what it needs) and, when that is too narrow for the
 * labels, shows only icons; the labels stay the radios' accessible names. The ref is the `<fieldset>`.
 */
export const DialogModeSwitch = /* @__PURE__ */ forwardRef<HTMLFieldSetElement, DialogModeSwitchProps>(function DialogModeSwitch(
  { value, onChange, disabledModes, className, locale, ...rootProps },
  ref,
): ReactElement {
  const strings = useStrings(frameStrings, locale);
  return (
    <Segmented
      {...rootProps}
      fieldsetRef={ref}
      className={cx('c2d', 'c2d-mode-switch', className)}
      legend={strings.modeSwitchLabel}
      options={DIALOG_MODES.map((mode) => [mode, strings.modeLabels[mode], strings.modeHints[mode], MODE_ICONS[mode]] as const)}
      value={value}
      onChange={onChange}
      disabled={disabledModes}
    />
  );
});
