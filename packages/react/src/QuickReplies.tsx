import type { Template } from '@c2d-console/core';
import { useQuery } from '@tanstack/react-query';
import { useId, useState, type ReactElement, type TextareaHTMLAttributes } from 'react';
import { useConsoleClient } from './ConsoleProvider.js';
import { consoleQueries } from './consoleQueries.js';
import type { SendStrings } from './sendStrings.js';
import { usePickerKeys } from './usePickerKeys.js';

/** What the message box takes from {@link useQuickReplies}: its change and key handlers and its ARIA. */
export type QuickRepliesTextbox = Required<
  Pick<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'onKeyDown'>
> &
  Pick<TextareaHTMLAttributes<HTMLTextAreaElement>, 'aria-controls' | 'aria-activedescendant' | 'aria-autocomplete'>;

/**
 * @internal The quick replies of `SendMessageForm`: typing `/` at the start of the message box
 * (on one line) opens the account's templates (`consoleQueries.templates`, fetched then), filtered
 * by what follows the `/` in their titles and texts; at most six show, so the list never scrolls.
 * Arrows move, Enter puts the active one in place of what was typed, Escape closes the list until
 * the text changes. Answers the list with its status (always there, so it is announced: how many
 * match and which keys to use) and the message box's props.
 */
export function useQuickReplies(text: string, setText: (text: string) => void, strings: SendStrings): [ReactElement, QuickRepliesTextbox] {
  const api = useConsoleClient();
  const listId = useId();
  const [dismissed, setDismissed] = useState<string>();
  const open = text[0] === '/' && !text.includes('\n') && dismissed !== text;
  const templates = useQuery({ ...consoleQueries.templates(api), enabled: open });
  const needle = text.slice(1).trim().toLowerCase();
  const found = (templates.data ?? []).filter((template) => [template.title, template.text].join(' ').toLowerCase().includes(needle));
  const matches = open ? found.slice(0, 6) : [];
  const insert = (template: Template) => setText(template.text);
  const keys = usePickerKeys(matches, insert, () => setDismissed(text));
  const optionId = (index: number) => listId + index;
  const listed = matches.length > 0;
  const list = (
    <>
      {listed && (
        <div id={listId} role="listbox" aria-label={strings.quickReplies} className="c2d-picker__list">
          {matches.map((template, index) => (
            <div
              key={template.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === keys.activeIndex}
              className="c2d-picker__option"
              tabIndex={-1}
              // On press, not on click: focus (and the caret) stays in the message box.
              onMouseDown={(event) => {
                event.preventDefault();
                insert(template);
              }}
            >
              {template.title && <span className="c2d-picker__name">{template.title}</span>}
              <span className="c2d-picker__meta">{template.text}</span>
            </div>
          ))}
        </div>
      )}
      <p className={listed || !open ? 'c2d-visually-hidden' : 'c2d-picker__status'} role="status">
        {!open || templates.isPending ? '' : listed ? strings.quickRepliesFound(found.length) : strings.quickRepliesNone}
      </p>
    </>
  );
  return [
    list,
    {
      onChange: (event) => {
        setText(event.target.value);
        // A new search starts at the best match.
        keys.setActiveIndex(0);
      },
      onKeyDown: (event) => {
        if (open) keys.onKeyDown(event);
      },
      'aria-autocomplete': 'list',
      'aria-controls': listed ? listId : undefined,
      'aria-activedescendant': listed ? optionId(keys.activeIndex) : undefined,
    },
  ];
}
