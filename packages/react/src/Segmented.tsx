import { useId, type ComponentPropsWithoutRef, type ReactElement, type Ref } from 'react';
import { cx } from './cx.js';

/** Props of {@link Segmented}: its own, and any prop of its root `<fieldset>`, which it passes on. */
export interface SegmentedProps<T extends string | number> extends Omit<ComponentPropsWithoutRef<'fieldset'>, 'children' | 'onChange' | 'defaultValue' | 'disabled'> {
  /** The group's name for screen readers (a visually hidden legend). */
  legend: string;
  /** Each choice: its value, its label, and optionally a hint (the tooltip; default the label) and a 16×16 icon's path. */
  options: ReadonlyArray<readonly [value: T, label: string, hint?: string, icon?: string]>;
  value: T;
  onChange: (value: T) => void;
  /** Choices that cannot be picked now. */
  disabled?: readonly T[];
  className?: string;
  /** The `<fieldset>`. */
  fieldsetRef?: Ref<HTMLFieldSetElement>;
}

/**
 * @internal A segmented control on native radios in a fieldset: arrow keys move between the
 * choices and screen readers announce a radio group (the filters of `DialogList`, Reply / Note
 * in `SendMessageForm`, `DialogModeSwitch`). Labels that do not fit end in an ellipsis; the
 * control never sticks out.
 */
export function Segmented<T extends string | number>({
  legend,
  options,
  value,
  onChange,
  disabled,
  className,
  fieldsetRef,
  ...rootProps
}: SegmentedProps<T>): ReactElement {
  const name = useId();
  return (
    <fieldset {...rootProps} ref={fieldsetRef} className={cx('c2d-segmented', className)}>
      <legend className="c2d-visually-hidden">{legend}</legend>
      {options.map(([option, label, hint, icon]) => (
        <label key={option} title={hint ?? label}>
          <input
            type="radio"
            name={name}
            value={option}
            checked={value === option}
            disabled={disabled?.includes(option)}
            onChange={() => onChange(option)}
          />
          {icon && (
            <svg viewBox="0 0 16 16" aria-hidden="true">
              <path d={icon} />
            </svg>
          )}
          <span>{label}</span>
        </label>
      ))}
    </fieldset>
  );
}
