import { useId, type ReactElement } from 'react';
import { cx } from './cx.js';

/** Props of {@link Segmented}. */
export interface SegmentedProps<T extends string> {
  /** The group's name for screen readers (a visually hidden legend). */
  legend: string;
  /** Each choice and its label, in order. */
  options: ReadonlyArray<readonly [value: T, label: string]>;
  value: T;
  onChange: (value: T) => void;
  /** Choices that cannot be picked now. */
  disabled?: readonly T[];
  className?: string;
}

/**
 * @internal A segmented control on native radios in a fieldset: arrow keys move between the
 * choices and screen readers announce a radio group (the filters of `DialogList`, Reply / Note
 * in `SendMessageForm`). Labels that do not fit end in an ellipsis; the control never sticks out.
 */
export function Segmented<T extends string>({ legend, options, value, onChange, disabled, className }: SegmentedProps<T>): ReactElement {
  const name = useId();
  return (
    <fieldset className={cx('c2d-segmented', className)}>
      <legend className="c2d-visually-hidden">{legend}</legend>
      {options.map(([option, label]) => (
        <label key={option} className="c2d-segmented__option" title={label}>
          <input
            type="radio"
            name={name}
            value={option}
            checked={value === option}
            disabled={disabled?.includes(option)}
            onChange={() => onChange(option)}
          />
          <span className="c2d-segmented__label">{label}</span>
        </label>
      ))}
    </fieldset>
  );
}
