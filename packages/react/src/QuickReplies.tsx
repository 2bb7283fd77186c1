import type { Template } from '@c2d-console/core';
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState, type KeyboardEvent, type ReactElement, type TextareaHTMLAttributes } from 'react';
import { useConsoleClient } from './ConsoleProvider.js';
import { consoleQueries } from './consoleQueries.js';
import { cx } from './cx.js';
import type { SendStrings } from './sendStrings.js';
import { usePickerKeys } from './usePickerKeys.js';

/** At most this many quick replies show (what follows the `/` narrows them): the list never scrolls. */
const SHOWN = 6;

/** What {@link useQuickReplies} returns: the list's state, and what the message box needs. */
export interface QuickRepliesState {
  open: boolean;
  loading: boolean;
  /** The matching quick replies shown (the first {@link SHOWN}). */
  matches: Template[];
  /** How many match in all. */
  total: number;
  activeIndex: number;
  listId: string;
  optionId: (index: number) => string;
  insert: (template: Template) => void;
  /** The message box's keys: arrows, Enter and Escape while the list is open. */
  onKeyDown: (event: KeyboardEvent<HTMLTextAreaElement>) => void;
  /** The message box's ARIA: it controls the list and points at the active quick reply. */
  textboxProps: Pick<TextareaHTMLAttributes<HTMLTextAreaElement>, 'aria-controls' | 'aria-activedescendant' | 'aria-autocomplete'>;
}

/**
 * @internal The quick replies of `SendMessageForm`: typing `/` at the start of the message box
 * (on one line) opens the account's templates (`consoleQueries.templates`, fetched then), filtered
 * by what follows the `/` in their titles and texts. Arrows move, Enter inserts the active one in
 * place of what was typed, Escape closes the list until the text changes.
 */
export function useQuickReplies(text: string, insert: (template: Template) => void): QuickRepliesState {
  const api = useConsoleClient();
  const listId = `${useId()}quick`;
  const [dismissed, setDismissed] = useState<string | null>(null);
  const open = text.startsWith('/') && !text.includes('\n') && dismissed !== text;
  const templates = useQuery({ ...consoleQueries.templates(api), enabled: open });
  const needle = text.slice(1).trim().toLowerCase();
  const found = useMemo(
    () => (templates.data ?? []).filter((template) => `${template.title ?? ''} ${template.text}`.toLowerCase().includes(needle)),
    [templates.data, needle],
  );
  const matches = found.slice(0, SHOWN);
  const keys = usePickerKeys(matches, insert, () => setDismissed(text));
  // A new search starts at the best match.
  const [searched, setSearched] = useState(needle);
  if (searched !== needle) {
    setSearched(needle);
    keys.setActiveIndex(0);
  }
  const optionId = (index: number) => `${listId}-${index}`;
  const listed = open && matches.length > 0;
  return {
    open,
    loading: open && templates.isPending,
    matches,
    total: found.length,
    activeIndex: keys.activeIndex,
    listId,
    optionId,
    insert,
    onKeyDown: (event) => {
      if (open) keys.onKeyDown(event);
    },
    textboxProps: {
      'aria-autocomplete': 'list',
      'aria-controls': listed ? listId : undefined,
      'aria-activedescendant': listed && keys.activeIndex >= 0 ? optionId(keys.activeIndex) : undefined,
    },
  };
}

/**
 * @internal The open quick replies: a listbox of titles and texts above the message box, and a
 * status that says how many match and which keys to use (always there, so it is announced).
 */
export function QuickReplies({ quick, strings }: { quick: QuickRepliesState; strings: SendStrings }): ReactElement {
  const { open, loading, matches, activeIndex } = quick;
  return (
    <>
      {open && matches.length > 0 && (
        <div id={quick.listId} role="listbox" aria-label={strings.quickReplies} className="c2d-picker__list c2d-send__quick">
          {matches.map((template, index) => (
            <div
              key={template.id}
              id={quick.optionId(index)}
              role="option"
              aria-selected={index === activeIndex}
              className="c2d-picker__option"
              tabIndex={-1}
              // On press, not on click: focus (and the caret) stays in the message box.
              onMouseDown={(event) => {
                event.preventDefault();
                quick.insert(template);
              }}
            >
              {template.title && <span className="c2d-picker__name">{template.title}</span>}
              <span className="c2d-picker__meta c2d-send__quick-text">{template.text}</span>
            </div>
          ))}
        </div>
      )}
      <p className={cx('c2d-picker__status', (!open || matches.length > 0) && 'c2d-visually-hidden')} role="status">
        {!open || loading ? '' : matches.length > 0 ? strings.quickRepliesFound(quick.total) : strings.quickRepliesNone}
      </p>
    </>
  );
}
