import type { Dialog } from '@c2d-console/core';
import { useQuery } from '@tanstack/react-query';
import { forwardRef, useEffect, useRef, useState, type ComponentPropsWithoutRef, type ReactElement } from 'react';
import { useStrings } from './ConsoleContext.js';
import { useConsoleClient } from './ConsoleProvider.js';
import { consoleQueries } from './consoleQueries.js';
import { cx } from './cx.js';
import { dialogActionStrings, type DialogActionName } from './dialogActionStrings.js';
import { ErrorState } from './ErrorState.js';
import { LoadingState } from './LoadingState.js';
import type { ConsoleLocale } from './ConsoleLocale.js';
import { operatorFullName } from './operatorName.js';
import { TransferPicker, type PickedTarget } from './TransferPicker.js';
import { useComposedRefs } from './useComposedRefs.js';
import { useDialogAction, type DialogActionVariables } from './useDialogAction.js';

export type { DialogActionName };

/**
 * Props of {@link DialogActions}: its own, and any prop of its root `<div>` (`id`, `style`,
 * `data-*`, `aria-*`, event handlers), which it passes on.
 */
export interface DialogActionsProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  dialogId: number;
  /** Called once the proxy has done an action, with the dialog as it is now. */
  onDone?: (action: DialogActionName, dialog: Dialog) => void;
  className?: string;
  locale?: ConsoleLocale;
}

/**
 * Where the operator is: picking whom to transfer to (`{ action: 'transfer' }`), confirming a
 * close or a picked transfer, or at the buttons (`null`; `undefined` until the operator acts,
 * so focus never moves on its own).
 */
type Step = { action: 'close' | 'transfer'; to?: never } | PickedTarget | null | undefined;

/**
 * What an operator does to a dialog: transfer it to an operator (searchable, online first, with
 * their open dialogs) or a group, close it, reopen it. Transferring and closing ask first (an
 * inline confirmation: Escape or Cancel goes back); while the proxy works the buttons are off
 * and the widget busy (a spinner), and
 * a failure shows inline with the proxy's reason (for a seat it refuses, 403, the right it lacks),
 * where doing it again is a retry with the same idempotency key. The ref is the root `<div>`.
 */
export const DialogActions = /* @__PURE__ */ forwardRef<HTMLDivElement, DialogActionsProps>(function DialogActions(
  { dialogId, onDone, className, locale, ...rootProps },
  ref,
): ReactElement {
  const strings = useStrings(dialogActionStrings, locale);
  const api = useConsoleClient();
  const dialog = useQuery(consoleQueries.dialog(api, dialogId));
  const operators = useQuery(consoleQueries.operators(api)).data;
  const mutation = useDialogAction();
  const [step, setStep] = useState<Step>();
  const rootRef = useRef<HTMLDivElement>(null);
  const composedRef = useComposedRefs(rootRef, ref);

  // Another dialog: start clean, so a confirmation or an error never applies to the wrong one.
  const [shownDialog, setShownDialog] = useState(dialogId);
  if (shownDialog !== dialogId) {
    setShownDialog(dialogId);
    setStep(undefined);
    mutation.reset();
  }

  // Focus follows the step the operator moved to: the search box or Cancel, else back to the buttons.
  useEffect(() => {
    if (step !== undefined) rootRef.current?.querySelector<HTMLElement>(step ? 'input,[data-cancel]' : 'button:enabled')?.focus();
  }, [step]);

  const run = (variables: DialogActionVariables) =>
    mutation.mutate(variables, {
      onSuccess: (result) => {
        setStep(null);
        onDone?.(variables.action, result);
      },
    });

  const root = (body: ReactElement) => (
    <div {...rootProps} ref={composedRef} className={cx('c2d', 'c2d-dialog-actions', className)} aria-busy={mutation.isPending}>
      {body}
      <p className="c2d-visually-hidden" role="status">
        {mutation.isSuccess && strings.actionDone(mutation.variables.action, mutation.variables.toName)}
      </p>
    </div>
  );
  if (dialog.isPending) return root(<LoadingState label={strings.actionsLoading} rows={1} />);
  if (dialog.isError) {
    return root(<ErrorState variant="inline" title={strings.actionsError} error={dialog.error} onRetry={() => void dialog.refetch()} locale={locale} />);
  }

  const { state, operatorId } = dialog.data;
  const holder = operators?.find((o) => o.id === operatorId);
  const back = () => setStep(null);

  return root(
    <>
      <div className="c2d-dialog-actions__bar" role="group" aria-label={strings.actionsLabel}>
        <p className="c2d-dialog-actions__status">
          {strings.actionsStatus(state, operatorId === null ? null : holder ? operatorFullName(holder) : `#${operatorId}`)}
        </p>
        {(state === 'open' ? (['transfer', 'close'] as const) : (['reopen'] as const)).map((action) => (
          <button
            key={action}
            type="button"
            className="c2d-button"
            disabled={mutation.isPending || !!step}
            onClick={() => (action === 'reopen' ? run({ action, dialogId }) : setStep({ action }))}
          >
            {strings.actionButtons[action]}
            {action === 'transfer' && '…'}
          </button>
        ))}
      </div>
      {step && (
        // A fieldset: its legend names the confirmation, and it is off as a whole while the proxy works.
        // oxlint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- Escape from any of its controls backs out (delegated)
        <fieldset className="c2d-dialog-actions__step" disabled={mutation.isPending} onKeyDown={(event) => event.key === 'Escape' && back()}>
          {step.action === 'transfer' && !step.to ? (
            <TransferPicker holderId={operatorId} onPick={setStep} onCancel={back} strings={strings} locale={locale} />
          ) : (
            <>
              <legend>{step.to ? strings.confirmTransfer(step.toName) : strings.confirmClose}</legend>
              <p className="c2d-dialog-actions__hint">{step.to ? (step.offline ? strings.confirmOffline : '') : strings.confirmCloseHint}</p>
              <button type="button" className={`c2d-button c2d-button--${step.to ? 'primary' : 'danger'}`} onClick={() => run({ ...step, dialogId } as DialogActionVariables)}>
                {strings.actionButtons[step.action]}
              </button>
            </>
          )}
          <button type="button" className="c2d-button" data-cancel onClick={back}>
            {strings.cancel}
          </button>
        </fieldset>
      )}
      {mutation.isError && (
        <p className="c2d-dialog-actions__error" role="alert">
          {strings.actionFailed(mutation.variables.action, mutation.error.message)}
        </p>
      )}
    </>,
  );
});
