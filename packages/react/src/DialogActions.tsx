import { isConsoleApiError, type Dialog } from '@c2d-console/core';
import { useQuery } from '@tanstack/react-query';
import {
  forwardRef,
  useEffect,
  useId,
  useRef,
  useState,
  type ComponentPropsWithoutRef,
  type KeyboardEvent,
  type ReactElement,
} from 'react';
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

/** Where the operator is: the buttons, picking whom to transfer to, or confirming. */
type Step = { kind: 'idle' } | { kind: 'picking' } | { kind: 'confirm'; action: 'close' } | { kind: 'confirm'; action: 'transfer'; target: PickedTarget };

const IDLE: Step = { kind: 'idle' };

/**
 * What an operator does to a dialog: transfer it to an operator (searchable, online first, with
 * their open dialogs) or a group, close it, reopen it. Transferring and closing ask first (an
 * inline confirmation: Escape or Cancel goes back); the buttons wait while the proxy works, and
 * a failure shows inline, where doing it again is a retry with the same idempotency key. A seat
 * the proxy refuses (403) sees why, and that button stays off. The ref is the root `<div>`.
 */
export const DialogActions = /* @__PURE__ */ forwardRef<HTMLDivElement, DialogActionsProps>(function DialogActions(
  { dialogId, onDone, className, locale, ...rootProps },
  ref,
): ReactElement {
  const strings = useStrings(dialogActionStrings, locale);
  const api = useConsoleClient();
  const id = useId();
  const dialog = useQuery(consoleQueries.dialog(api, dialogId));
  const operators = useQuery(consoleQueries.operators(api)).data;
  const mutation = useDialogAction();
  const [step, setStep] = useState<Step>(IDLE);
  const [refused, setRefused] = useState<Partial<Record<DialogActionName, string>>>({});
  const [announcement, setAnnouncement] = useState('');
  const rootRef = useRef<HTMLDivElement>(null);
  const composedRef = useComposedRefs(rootRef, ref);
  // Focus follows the step only when the operator moved it (never on mount).
  const moveFocus = useRef(false);

  // Another dialog: start clean, so a confirmation or an error never applies to the wrong one.
  const [shownDialog, setShownDialog] = useState(dialogId);
  if (shownDialog !== dialogId) {
    setShownDialog(dialogId);
    setStep(IDLE);
    setAnnouncement('');
    mutation.reset();
  }

  const go = (next: Step) => {
    moveFocus.current = true;
    setStep(next);
  };
  useEffect(() => {
    if (!moveFocus.current) return;
    moveFocus.current = false;
    // The picker focuses its own search box.
    if (step.kind === 'picking') return;
    const target = step.kind === 'confirm' ? '.c2d-dialog-actions__step [data-cancel]' : '.c2d-dialog-actions__bar button:enabled';
    rootRef.current?.querySelector<HTMLElement>(target)?.focus();
  }, [step]);

  const run = (variables: DialogActionVariables, to: string | null) => {
    setAnnouncement('');
    mutation.mutate(variables, {
      onSuccess: (result) => {
        setAnnouncement(strings.actionDone(variables.action, to));
        go(IDLE);
        onDone?.(variables.action, result);
      },
      onError: (error) => {
        if (!isConsoleApiError(error) || error.code !== 'forbidden') return;
        setRefused((before) => ({ ...before, [variables.action]: error.message }));
        go(IDLE);
      },
    });
  };

  const root = (body: ReactElement) => (
    <div {...rootProps} ref={composedRef} className={cx('c2d', 'c2d-dialog-actions', className)}>
      {body}
      <p className="c2d-visually-hidden" role="status">
        {announcement}
      </p>
    </div>
  );
  if (dialog.isPending) return root(<LoadingState label={strings.actionsLoading} rows={1} />);
  if (dialog.isError) {
    return root(<ErrorState variant="inline" title={strings.actionsError} error={dialog.error} onRetry={() => void dialog.refetch()} locale={locale} />);
  }

  const { state, operatorId } = dialog.data;
  const holder = operators?.find((o) => o.id === operatorId);
  const pending = mutation.isPending ? mutation.variables.action : undefined;
  const button = (action: DialogActionName, onClick: () => void, primary = false) => (
    <button
      type="button"
      className={cx('c2d-button', primary && 'c2d-button--primary')}
      disabled={mutation.isPending || step.kind !== 'idle' || action in refused}
      onClick={onClick}
    >
      {pending === action ? strings.actionPending[action] : strings.actionButtons[action]}
    </button>
  );
  // Escape backs out of the confirmation (focus is on one of its two buttons).
  const onEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape') go(IDLE);
  };
  const failure = mutation.isError && !(mutation.variables.action in refused) ? mutation.variables.action : undefined;
  const questionId = `${id}question`;

  return root(
    <>
      <div className="c2d-dialog-actions__bar" role="group" aria-label={strings.actionsLabel}>
        <p className="c2d-dialog-actions__status">
          {strings.actionsStatus(state, operatorId === null ? null : holder ? operatorFullName(holder) : `#${operatorId}`)}
        </p>
        {state === 'open' ? (
          <>
            {button('transfer', () => go({ kind: 'picking' }))}
            {button('close', () => go({ kind: 'confirm', action: 'close' }))}
          </>
        ) : (
          button('reopen', () => run({ action: 'reopen', dialogId }, null), true)
        )}
      </div>
      {step.kind === 'picking' && (
        <div className="c2d-dialog-actions__step">
          <TransferPicker
            holderId={operatorId}
            onPick={(target) => go({ kind: 'confirm', action: 'transfer', target })}
            onCancel={() => go(IDLE)}
            strings={strings}
            locale={locale}
          />
          <button type="button" className="c2d-button" onClick={() => go(IDLE)}>
            {strings.cancel}
          </button>
        </div>
      )}
      {step.kind === 'confirm' && (
        <div
          className="c2d-dialog-actions__step c2d-dialog-actions__confirm"
          role="group"
          aria-labelledby={questionId}
        >
          <p id={questionId} className="c2d-dialog-actions__question">
            {step.action === 'close' ? strings.confirmClose : strings.confirmTransfer(step.target.name)}
          </p>
          <p className="c2d-dialog-actions__hint">
            {step.action === 'close' ? strings.confirmCloseHint : step.target.offline ? strings.confirmOffline : ''}
          </p>
          <div className="c2d-dialog-actions__buttons">
            <button
              type="button"
              className={cx('c2d-button', 'c2d-button--primary', step.action === 'close' && 'c2d-button--danger')}
              disabled={mutation.isPending}
              onKeyDown={onEscape}
              onClick={() =>
                step.action === 'close'
                  ? run({ action: 'close', dialogId }, null)
                  : run({ action: 'transfer', dialogId, to: step.target.to, toName: step.target.name }, step.target.name)
              }
            >
              {pending ? strings.actionPending[step.action] : strings.actionConfirm[step.action]}
            </button>
            <button type="button" className="c2d-button" data-cancel disabled={mutation.isPending} onKeyDown={onEscape} onClick={() => go(IDLE)}>
              {strings.cancel}
            </button>
          </div>
        </div>
      )}
      {failure && (
        <p className="c2d-dialog-actions__error" role="alert">
          {strings.actionFailed(failure, mutation.error?.message ?? '')}
        </p>
      )}
      {Object.values(refused).map((reason) => (
        <p key={reason} className="c2d-dialog-actions__error" role="alert">
          {strings.actionForbidden(reason)}
        </p>
      ))}
    </>,
  );
});
