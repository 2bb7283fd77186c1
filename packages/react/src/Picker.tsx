import { useId, type ReactElement } from 'react';
import { ErrorState } from './ErrorState.js';
import type { ConsoleLocale } from './ConsoleLocale.js';
import { usePickerKeys } from './usePickerKeys.js';

/** One choice of a {@link Picker}. */
export interface PickerOption<T> {
  key: string;
  label: string;
  /** A second line: an operator's status, a tag's description. */
  meta?: string;
  /** Shown dimmed (an operator who is offline). */
  dimmed?: boolean;
  value: T;
}

/** A titled group of choices. */
export interface PickerSection<T> {
  heading?: string;
  options: Array<PickerOption<T>>;
}

/** Props of {@link Picker}. */
export interface PickerProps<T> {
  /** Names the search box and the list. */
  label: string;
  placeholder: string;
  /** The choices matching `search` (see `matchesSearch`), in order. */
  sections: Array<PickerSection<T>>;
  search: string;
  onSearchChange: (search: string) => void;
  onPick: (value: T) => void;
  onCancel: () => void;
  /** Said while the choices load. */
  loading: string | false;
  /** Why the choices could not load, with Retry. */
  error?: { title: string; error: Error; retry: () => void } | null;
  noMatches: string;
  /** Under a list cut short: how many more match. */
  more: (count: number) => string;
  locale?: ConsoleLocale;
}

/** At most this many choices of a section show (the search narrows them): the list never scrolls. */
const SHOWN = 7;

/** Whether any of `texts` holds `search` (case-insensitive; blank matches all). */
export function matchesSearch(search: string, ...texts: Array<string | null | undefined>): boolean {
  const needle = search.trim().toLowerCase();
  return texts.some((text) => (text ?? '').toLowerCase().includes(needle));
}

/**
 * @internal A search box over a list of choices (WAI-ARIA APG "combobox with listbox popup"):
 * focus stays in the box, arrows move, Enter or a press picks, Escape cancels; sections with
 * headings; at most {@link SHOWN} choices per section, the rest said and reached by searching.
 * The transfer picker of `DialogActions` and the tag picker of `ClientCard`.
 */
export function Picker<T>({
  label,
  placeholder,
  sections,
  search,
  onSearchChange,
  onPick,
  onCancel,
  loading,
  error,
  noMatches,
  more,
  locale,
}: PickerProps<T>): ReactElement {
  const id = useId();
  const shown = sections.map((section) => ({ ...section, options: section.options.slice(0, SHOWN) }));
  const options = shown.flatMap((section) => section.options);
  const hidden = sections.flatMap((section) => section.options).length - options.length;
  const keys = usePickerKeys(options, (option) => onPick(option.value), onCancel);
  const active = options[keys.activeIndex];
  // The popup shows only while it has choices (an empty listbox says nothing).
  const expanded = options.length > 0;

  return (
    <div className="c2d-picker">
      {/* The label holds the box: its text names it. */}
      <label className="c2d-picker__label">
        {label}
        <input
          // It opens when the operator asks for it: the search box takes the focus.
          // oxlint-disable-next-line jsx-a11y/no-autofocus -- shown on the operator's request, never on page load
          autoFocus
          className="c2d-picker__input"
          role="combobox"
          autoComplete="off"
          placeholder={placeholder}
          aria-expanded={expanded}
          aria-controls={expanded ? id : undefined}
          aria-autocomplete="list"
          aria-activedescendant={active && id + active.key}
          value={search}
          onChange={(event) => {
            onSearchChange(event.target.value);
            keys.setActiveIndex(0);
          }}
          onKeyDown={keys.onKeyDown}
        />
      </label>
      {expanded && (
        <div id={id} role="listbox" aria-label={label} className="c2d-picker__list">
          {shown.map(
            (section) =>
              section.options.length > 0 && (
                // The group is named by its heading, which is shown but not read twice.
                <div key={section.heading ?? ''} role="group" aria-label={section.heading}>
                  {section.heading && (
                    <div aria-hidden className="c2d-picker__heading">
                      {section.heading}
                    </div>
                  )}
                  {section.options.map((option) => (
                    <div
                      key={option.key}
                      id={id + option.key}
                      role="option"
                      aria-selected={option === active}
                      className="c2d-picker__option"
                      data-dimmed={option.dimmed || undefined}
                      tabIndex={-1}
                      // On press, not on click: focus stays in the search box (the keys are there).
                      onMouseDown={(event) => {
                        event.preventDefault();
                        onPick(option.value);
                      }}
                    >
                      <span className="c2d-picker__name">{option.label}</span>
                      <span className="c2d-picker__meta">{option.meta}</span>
                    </div>
                  ))}
                </div>
              ),
          )}
        </div>
      )}
      {error && <ErrorState variant="inline" title={error.title} error={error.error} onRetry={error.retry} locale={locale} />}
      <p className="c2d-picker__status" role="status">
        {loading || (hidden ? more(hidden) : expanded || error ? '' : noMatches)}
      </p>
    </div>
  );
}
