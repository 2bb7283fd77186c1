/**
 * The keyboard model of a single-select listbox whose focus stays on the list and marks the
 * active option with `aria-activedescendant` (WAI-ARIA APG "Listbox"). Pure functions of the
 * list's state: no DOM, no React, so every list (clients, dialogs, ...) moves the same way and
 * the rules are tested on their own.
 */

/** What a key does in a listbox. */
export type ListboxKeyAction =
  /** Make the option at `index` active (and scroll it into view). */
  | { type: 'move'; index: number }
  /** The user picked the option at `index` (Enter or Space). */
  | { type: 'select'; index: number }
  /** A key of the listbox with nothing to act on (Enter with no active option): swallow it. */
  | { type: 'none' };

/**
 * The action of `key` (a `KeyboardEvent.key`) with the option at `activeIndex` active (-1: none)
 * among `count` options (the loaded ones, for a list that loads as it scrolls): ArrowUp/ArrowDown
 * move by one (from no active option, either lands on the first), Home/End to the ends,
 * PageUp/PageDown by `pageSize` ({@link listboxPageSize}), all clamped to the list; Enter and
 * Space select the active option. Null for any other key, and for every key while the list is
 * empty, so the browser keeps its default.
 */
export function listboxKeyAction(key: string, activeIndex: number, count: number, pageSize: number): ListboxKeyAction | null {
  const last = count - 1;
  if (last < 0) return null;
  // An index past the end (the list shrank) counts as no active option.
  const from = activeIndex <= last ? activeIndex : -1;
  const move = (index: number): ListboxKeyAction => ({ type: 'move', index: Math.min(Math.max(index, 0), last) });
  switch (key) {
    case 'ArrowDown':
      return move(from < 0 ? 0 : from + 1);
    case 'ArrowUp':
      return move(from < 0 ? 0 : from - 1);
    case 'Home':
      return move(0);
    case 'End':
      return move(last);
    case 'PageDown':
      return move(Math.max(from, 0) + pageSize);
    case 'PageUp':
      return move(from - pageSize);
    case 'Enter':
    case ' ':
      return from < 0 ? { type: 'none' } : { type: 'select', index: from };
    default:
      return null;
  }
}

/**
 * How many options PageUp/PageDown move: one less than fit in the viewport, so the option at
 * the edge stays in view as context; at least one.
 */
export function listboxPageSize(viewportHeight: number, optionHeight: number): number {
  return Math.max(1, Math.floor(viewportHeight / optionHeight) - 1);
}

/**
 * Where focus lands when the list gains it with no active option: on the selected option (-1:
 * none) when it is in view, else on the first option in view, never on one the user is not
 * looking at. `firstVisible`/`lastVisible` are -1 when nothing is rendered yet.
 */
export function listboxFocusIndex(selectedIndex: number, firstVisible: number, lastVisible: number): number {
  const selectedInView = selectedIndex >= 0 && selectedIndex >= firstVisible && selectedIndex <= lastVisible;
  return selectedInView ? selectedIndex : Math.max(firstVisible, 0);
}
