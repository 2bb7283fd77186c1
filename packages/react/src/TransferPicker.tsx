import type { Operator, OperatorGroup } from '@c2d-console/core';
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState, type ReactElement } from 'react';
import { useConsoleClient } from './ConsoleProvider.js';
import { consoleQueries } from './consoleQueries.js';
import { cx } from './cx.js';
import type { DialogActionStrings } from './dialogActionStrings.js';
import { ErrorState } from './ErrorState.js';
import type { Locale } from './Localized.js';
import { operatorFullName } from './operatorName.js';
import type { TransferTarget } from './useDialogAction.js';
import { usePickerKeys } from './usePickerKeys.js';

/** Who the operator picked to hand the dialog to. */
export interface PickedTarget {
  to: TransferTarget;
  name: string;
  /** An operator who is offline now (groups are never). */
  offline: boolean;
}

interface Choice extends PickedTarget {
  key: string;
  meta: string;
  kind: 'operator' | 'group';
}

/** Props of {@link TransferPicker}. */
export interface TransferPickerProps {
  /** The dialog's operator now: not offered. */
  holderId: number | null;
  onPick: (target: PickedTarget) => void;
  onCancel: () => void;
  strings: DialogActionStrings;
  locale?: Locale;
}

/** At most this many operators and groups show (the search narrows them): the list never scrolls. */
const SHOWN_OPERATORS = 7;
const SHOWN_GROUPS = 3;

/** Online operators first, then those with fewer open dialogs, then by name. */
function byAvailability(a: Operator, b: Operator): number {
  return Number(b.online) - Number(a.online) || a.openedDialogs - b.openedDialogs || operatorFullName(a).localeCompare(operatorFullName(b));
}

/**
 * @internal The "transfer to" combobox of `DialogActions`: a search box over the operators
 * (online first, with their open dialogs) and the groups, as one listbox in two sections;
 * arrows move, Enter or a click picks, Escape cancels.
 */
export function TransferPicker({ holderId, onPick, onCancel, strings, locale }: TransferPickerProps): ReactElement {
  const api = useConsoleClient();
  const id = useId();
  const [search, setSearch] = useState('');
  const operators = useQuery(consoleQueries.operators(api));
  const groups = useQuery(consoleQueries.operatorGroups(api));

  const { choices, hidden } = useMemo(() => {
    const needle = search.trim().toLowerCase();
    const matches = (...texts: Array<string | null>) => texts.some((text) => text?.toLowerCase().includes(needle));
    const people: Choice[] = (operators.data ?? [])
      .filter((o) => o.id !== holderId && matches(operatorFullName(o), o.email))
      .toSorted(byAvailability)
      .map((o) => ({
        key: `o${o.id}`,
        kind: 'operator',
        to: { operatorId: o.id },
        name: operatorFullName(o),
        offline: !o.online,
        meta: strings.operatorOnline(o.online, o.openedDialogs),
      }));
    const teams: Choice[] = (groups.data ?? [])
      .filter((g: OperatorGroup) => matches(g.name))
      .map((g) => ({ key: `g${g.id}`, kind: 'group', to: { groupId: g.id }, name: g.name, offline: false, meta: strings.groupSize(g.operatorIds.length) }));
    const shown = [...people.slice(0, SHOWN_OPERATORS), ...teams.slice(0, SHOWN_GROUPS)];
    return { choices: shown, hidden: people.length + teams.length - shown.length };
  }, [operators.data, groups.data, search, holderId, strings]);

  const keys = usePickerKeys(choices, onPick, onCancel);
  const optionId = (choice: Choice) => `${id}${choice.key}`;
  const active = choices[keys.activeIndex];
  const failed = operators.error ?? groups.error;
  // The popup shows only while it has options (an empty listbox says nothing).
  const expanded = choices.length > 0;

  const section = (kind: Choice['kind'], heading: string) => {
    const items = choices.filter((choice) => choice.kind === kind);
    if (items.length === 0) return null;
    return (
      <div role="presentation">
        <div id={`${id}${kind}`} role="presentation" className="c2d-picker__heading">
          {heading}
        </div>
        <div role="group" aria-labelledby={`${id}${kind}`}>
          {items.map((choice) => {
            const index = choices.indexOf(choice);
            return (
              <div
                key={choice.key}
                id={optionId(choice)}
                role="option"
                aria-selected={index === keys.activeIndex}
                className="c2d-picker__option"
                data-offline={choice.offline || undefined}
                tabIndex={-1}
                onMouseMove={() => keys.setActiveIndex(index)}
                // On press, not on click: focus stays in the search box (the keys are there).
                onMouseDown={(event) => {
                  event.preventDefault();
                  onPick(choice);
                }}
              >
                <span className="c2d-picker__name">{choice.name}</span>
                <span className="c2d-picker__meta">{choice.meta}</span>
              </div>
            );
          })}
        </div>
      </div>
    );
  };

  return (
    <div className="c2d-picker">
      <label className="c2d-picker__label" htmlFor={`${id}search`}>
        {strings.transferTo}
      </label>
      <input
        id={`${id}search`}
        className="c2d-picker__input"
        type="text"
        role="combobox"
        autoComplete="off"
        placeholder={strings.transferSearch}
        aria-expanded={expanded}
        aria-controls={expanded ? `${id}list` : undefined}
        aria-autocomplete="list"
        aria-activedescendant={active ? optionId(active) : undefined}
        value={search}
        onChange={(event) => {
          setSearch(event.target.value);
          keys.setActiveIndex(0);
        }}
        onKeyDown={keys.onKeyDown}
      />
      {expanded && (
        <div id={`${id}list`} role="listbox" aria-label={strings.transferTo} className="c2d-picker__list">
          {section('operator', strings.transferOperators)}
          {section('group', strings.transferGroups)}
        </div>
      )}
      {failed && (
        <ErrorState
          variant="inline"
          title={strings.transferFailedToLoad}
          error={failed}
          onRetry={() => void Promise.all([operators.refetch(), groups.refetch()])}
          locale={locale}
        />
      )}
      <p className={cx('c2d-picker__status', expanded && hidden === 0 && 'c2d-visually-hidden')} role="status">
        {operators.isPending ? strings.transferLoading : hidden > 0 ? strings.transferMore(hidden) : expanded || failed ? '' : strings.transferNoMatches}
      </p>
    </div>
  );
}
