import { forwardRef, type ReactElement } from 'react';
import { clientFrameStrings } from './clientFrameStrings.js';
import { useStrings } from './ConsoleContext.js';
import { cx } from './cx.js';
import { DialogFrame, Frame, FrameBox, FramePanel, type DialogFrameProps } from './DialogFrame.js';
import { ErrorState } from './ErrorState.js';
import { formatPhone } from './formatPhone.js';
import { useClientDialog } from './useClientDialog.js';

// As in useControllableState: the host's bundler replaces it, and drops the development check.
declare const process: { env: { NODE_ENV?: string } };

/**
 * Props of {@link ClientDialogFrame}: `DialogFrame`'s, with the client (by id or by phone) in
 * place of the dialog.
 */
export interface ClientDialogFrameProps extends Omit<DialogFrameProps, 'dialogId'> {
  /** The client whose current dialog to show. */
  clientId?: number;
  /** Or the client's phone, in any format (its digits are searched). */
  phone?: string;
}

/**
 * A client's current Chat2Desk dialog in a `DialogFrame`, found through the proxy by client id
 * or phone (`useClientDialog`): a CRM page knows its client, not Chat2Desk's dialog ids. While it
 * looks, it says so; a client without a dialog, an unknown phone and a failure each say what
 * happened (the failure with Retry), in the frame's box with its toolbar. Needs a
 * `ConsoleProvider`; give exactly one of `clientId` and `phone` (in development, anything else
 * is an inline error). The ref is the root `<div>`.
 */
export const ClientDialogFrame = /* @__PURE__ */ forwardRef<HTMLDivElement, ClientDialogFrameProps>(function ClientDialogFrame(
  { clientId, phone, mode, host, title, loadTimeoutMs, onLoad, onError, toolbar, className, locale, ...rootProps },
  ref,
): ReactElement {
  const strings = useStrings(clientFrameStrings, locale);
  // The host's code passes these: a development check, as React's own prop checks.
  const invalid =
    process.env.NODE_ENV !== 'production' &&
    (clientId === undefined ? phone === undefined : phone !== undefined || !Number.isSafeInteger(clientId) || clientId < 1);
  const found = useClientDialog(invalid ? undefined : (clientId ?? (phone === undefined ? undefined : { phone })));

  if (found.dialog) {
    const frame = { mode, host, title, loadTimeoutMs, onLoad, onError, toolbar, className, locale };
    return <DialogFrame ref={ref} {...rootProps} {...frame} dialogId={found.dialog.id} />;
  }
  const root = { rootProps: { ...rootProps, ref, className: cx('c2d', 'c2d-dialog-frame', className) }, toolbar, locale };
  if (invalid) {
    return <Frame {...root} message="Give ClientDialogFrame either a clientId (a positive integer) or a phone, not both" onError={onError} />;
  }
  return (
    <FrameBox {...root} state={found.status === 'success' ? 'empty' : found.status}>
      {found.status === 'error' ? (
        <ErrorState title={strings.clientFrameError} error={found.error} onRetry={found.refetch} locale={locale} />
      ) : found.status === 'pending' ? (
        <FramePanel busy text={strings.clientFrameFinding} />
      ) : found.clientNotFound ? (
        <FramePanel title={strings.clientFrameNoClient(formatPhone(phone?.replace(/\D/g, '') ?? ''))} />
      ) : (
        <FramePanel title={strings.clientFrameNoDialog} text={strings.clientFrameNoDialogText} />
      )}
    </FrameBox>
  );
});
