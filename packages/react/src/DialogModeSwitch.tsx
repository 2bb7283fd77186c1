import { DIALOG_MODES, type DialogMode } from '@c2d-console/core';
import { forwardRef, useId, type ComponentPropsWithoutRef, type ReactElement } from 'react';
import { useStrings } from './ConsoleContext.js';
import { frameStrings } from './frameStrings.js';
import { cx } from './cx.js';
import type { Locale } from './Localized.js';

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
  locale?: Locale;
}

const NO_MODES: readonly DialogMode[] = [];

/**
 * A segmented control for the dialog frame's mode (1 full, 2 dialog, 3 read-only), built on
 * native radio buttons: arrow keys move between modes, and screen readers announce a radio group.
 * The ref is the `<fieldset>`.
 */
export const DialogModeSwitch = /* @__PURE__ */ forwardRef<HTMLFieldSetElement, DialogModeSwitchProps>(function DialogModeSwitch(
  { value, onChange, disabledModes = NO_MODES, className, locale, ...rootProps },
  ref,
): ReactElement {
  const strings = useStrings(frameStrings, locale);
  const name = useId();
  return (
    <fieldset {...rootProps} ref={ref} className={cx('c2d', 'c2d-mode-switch', className)}>
      <legend className="c2d-visually-hidden">{strings.modeSwitchLabel}</legend>
      {DIALOG_MODES.map((mode) => (
        <label key={mode} className="c2d-mode-switch__option" title={strings.modeHints[mode]}>
          <input
            type="radio"
            name={name}
            value={mode}
            checked={value === mode}
            disabled={disabledModes.includes(mode)}
            onChange={() => onChange(mode)}
          />
          <span>{strings.modeLabels[mode]}</span>
        </label>
      ))}
    </fieldset>
  );
});
