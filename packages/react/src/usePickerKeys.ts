import { useState, type KeyboardEvent } from 'react';

/** What {@link usePickerKeys} returns. */
export interface PickerKeys {
  /** The option the arrows point at (-1 when there is none). */
  activeIndex: number;
  /** Points at an option (the mouse, or back to the first when the search changes). */
  setActiveIndex: (index: number) => void;
  /** For the search box (or text box) the list belongs to. */
  onKeyDown: (event: KeyboardEvent) => void;
}

/**
 * @internal The keys of a combobox's list (WAI-ARIA APG "combobox with listbox popup"): focus
 * stays in the text box, ArrowDown/ArrowUp move through the options (wrapping), Enter picks the
 * active one, Escape closes. Home, End and Space stay the text box's. Used by the transfer
 * picker, the quick replies and the tag picker.
 */
export function usePickerKeys<T>(options: readonly T[], onPick: (option: T) => void, onClose: () => void): PickerKeys {
  const [active, setActiveIndex] = useState(0);
  const count = options.length;
  const activeIndex = count === 0 ? -1 : Math.min(active, count - 1);
  return {
    activeIndex,
    setActiveIndex,
    onKeyDown(event) {
      // While an IME composes, its keys are the composition's.
      if (event.nativeEvent.isComposing) return;
      if (event.key === 'Escape') onClose();
      else if (count > 0 && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
        setActiveIndex((activeIndex + (event.key === 'ArrowDown' ? 1 : count - 1)) % count);
      } else if (event.key === 'Enter' && activeIndex >= 0 && !event.shiftKey) onPick(options[activeIndex]!);
      else return;
      event.preventDefault();
      event.stopPropagation();
    },
  };
}
