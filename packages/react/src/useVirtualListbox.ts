import { defaultRangeExtractor, useVirtualizer, type Range, type Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useState, type HTMLAttributes, type KeyboardEvent, type MouseEvent, type RefObject } from 'react';
import { listboxFocusIndex, listboxKeyAction, listboxPageSize } from './listboxKeyboard.js';

/** Options of {@link useVirtualListbox}. */
export interface VirtualListboxOptions<T> {
  items: readonly T[];
  /** Fixed height of every option (px): the virtualizer never measures. */
  rowHeight: number;
  /** The scrolling `role="listbox"` element. */
  listRef: RefObject<HTMLDivElement | null>;
  /** Names the list's contents (its filters): another key starts with no active option. */
  listKey: string;
  /** Id of each option's element. */
  optionId: (item: T) => string;
  /** Whether an item is the selected one (where focus lands first). */
  isSelected: (item: T) => boolean;
  onSelect?: (item: T) => void;
}

/** What {@link useVirtualListbox} returns. */
export interface VirtualListbox {
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  /** The keyboard-active option, or -1. */
  activeIndex: number;
  /** Props of the `role="listbox"` element: keys, focus, clicks and `aria-activedescendant`. */
  listProps: Pick<HTMLAttributes<HTMLDivElement>, 'onKeyDown' | 'onFocus' | 'onClick' | 'aria-activedescendant'>;
}

const OVERSCAN = 4;

/**
 * @internal A virtualized single-select listbox whose focus stays on the list and marks the
 * active option with `aria-activedescendant` (the keyboard model of `listboxKeyboard`): arrows,
 * Home/End, PageUp/PageDown, Enter/Space, a click, focus landing on the selected option when it
 * is in view. The active option stays rendered when scrolled away, so the descendant exists.
 * Options carry `data-index`; one click listener on the list serves every row.
 */
export function useVirtualListbox<T>({
  items,
  rowHeight,
  listRef,
  listKey,
  optionId,
  isSelected,
  onSelect,
}: VirtualListboxOptions<T>): VirtualListbox {
  const [active, setActive] = useState({ key: listKey, index: -1 });
  const activeIndex = active.key === listKey && active.index < items.length ? active.index : -1;

  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (activeIndex < 0 || indexes.includes(activeIndex)) return indexes;
      return [...indexes, activeIndex].toSorted((a, b) => a - b);
    },
    [activeIndex],
  );
  // The virtualizer's methods read live scroll state, so nothing here memoizes them (the rule
  // warns for React Compiler, which this package does not use).
  // oxlint-disable-next-line react/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => listRef.current,
    estimateSize: () => rowHeight,
    overscan: OVERSCAN,
    rangeExtractor,
  });

  const activate = (index: number) => setActive({ key: listKey, index });
  const select = (index: number) => {
    const item = items[index];
    if (item !== undefined) onSelect?.(item);
  };
  const activeItem = activeIndex >= 0 ? items[activeIndex] : undefined;

  return {
    virtualizer,
    activeIndex,
    listProps: {
      'aria-activedescendant': activeItem === undefined ? undefined : optionId(activeItem),
      onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => {
        const action = listboxKeyAction(event.key, {
          activeIndex,
          count: items.length,
          pageSize: listboxPageSize(event.currentTarget.clientHeight, rowHeight),
        });
        if (!action) return;
        event.preventDefault();
        if (action.type === 'move') {
          activate(action.index);
          virtualizer.scrollToIndex(action.index, { align: 'auto' });
        } else if (action.type === 'select') select(action.index);
      },
      // Focus (by Tab, or from a search box) lands where the user is looking.
      onFocus: () => {
        if (activeIndex >= 0 || items.length === 0) return;
        const range = virtualizer.range;
        activate(
          listboxFocusIndex({
            selectedIndex: items.findIndex(isSelected),
            firstVisible: range?.startIndex ?? -1,
            lastVisible: range?.endIndex ?? -1,
          }),
        );
      },
      onClick: (event: MouseEvent<HTMLDivElement>) => {
        const row = (event.target as Element).closest<HTMLElement>('[data-index]');
        if (!row) return;
        const index = Number(row.dataset.index);
        activate(index);
        select(index);
      },
    },
  };
}
