import type { Operator } from '@c2d-console/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { useConsoleClient } from './ConsoleProvider.js';
import { consoleQueries } from './consoleQueries.js';
import type { DialogActionStrings } from './dialogActionStrings.js';
import type { ConsoleLocale } from './ConsoleLocale.js';
import { operatorFullName } from './operatorName.js';
import { matchesSearch, Picker } from './Picker.js';
import type { TransferTarget } from './useDialogAction.js';

/** Whom the operator picked to hand the dialog to: the transfer to confirm. */
export interface PickedTarget {
  action: 'transfer';
  to: TransferTarget;
  toName: string;
  /** An operator who is offline now (groups are never). */
  offline?: boolean;
}

/** Props of {@link TransferPicker}. */
export interface TransferPickerProps {
  /** The dialog's operator now: not offered. */
  holderId: number | null;
  onPick: (target: PickedTarget) => void;
  onCancel: () => void;
  strings: DialogActionStrings;
  locale?: ConsoleLocale;
}

/** Online operators first, then those with fewer open dialogs (else in the proxy's order). */
function byAvailability(a: Operator, b: Operator): number {
  return Number(b.online) - Number(a.online) || a.openedDialogs - b.openedDialogs;
}

/**
 * @internal The "transfer to" picker of `DialogActions`: the operators (online first, with their
 * open dialogs; the dialog's own operator left out) and the groups, searched by name or email.
 */
export function TransferPicker({ holderId, onPick, onCancel, strings, locale }: TransferPickerProps): ReactElement {
  const api = useConsoleClient();
  const [search, setSearch] = useState('');
  const operators = useQuery(consoleQueries.operators(api));
  const groups = useQuery(consoleQueries.operatorGroups(api));
  const failed = operators.error ?? groups.error;
  const option = (key: string, toName: string, to: TransferTarget, meta?: string, offline?: boolean) => ({
    key,
    label: toName,
    meta,
    dimmed: offline,
    value: { action: 'transfer', to, toName, offline } as const,
  });

  return (
    <Picker
      label={strings.transferTo}
      placeholder={strings.transferSearch}
      sections={[
        {
          heading: strings.transferOperators,
          options: (operators.data ?? [])
            .filter((o) => o.id !== holderId && matchesSearch(search, operatorFullName(o), o.email))
            .toSorted(byAvailability)
            .map((o) => option(`o${o.id}`, operatorFullName(o), { operatorId: o.id }, strings.operatorOnline(o.online, o.openedDialogs), !o.online)),
        },
        {
          heading: strings.transferGroups,
          options: (groups.data ?? []).filter((g) => matchesSearch(search, g.name)).map((g) => option(`g${g.id}`, g.name, { groupId: g.id })),
        },
      ]}
      search={search}
      onSearchChange={setSearch}
      onPick={onPick}
      onCancel={onCancel}
      loading={operators.isPending && !failed && strings.transferLoading}
      error={failed && { title: strings.transferFailedToLoad, error: failed, retry: () => void Promise.all([operators.refetch(), groups.refetch()]) }}
      noMatches={strings.transferNoMatches}
      more={strings.transferMore}
      locale={locale}
    />
  );
}
