import { forwardRef, type ReactElement } from 'react';
import { clientFrameStrings } from './clientFrameStrings.js';
import { useStrings } from './ConsoleContext.js';
import { cx } from './cx.js';
import { DialogFrame, FrameBar, InvalidFrame, type DialogFrameProps } from './DialogFrame.js';
import { ErrorState } from './ErrorState.js';
import { frameStrings } from './frameStrings.js';
import { formatPhone } from './formatPhone.js';
import { useClientDialog } from './useClientDialog.js';

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
 * `ConsoleProvider`; give exactly one of `clientId` and `phone`. The ref is the root `<div>`.
 */
export const ClientDialogFrame = /* @__PURE__ */ forwardRef<HTMLDivElement, ClientDialogFrameProps>(function ClientDialogFrame(
  { clientId, phone, mode, host, title, loadTimeoutMs, onLoad, onError, toolbar, className, locale, ...rootProps },
  ref,
): ReactElement {
  const strings = useStrings(clientFrameStrings, locale);
  const invalidTitle = useStrings(frameStrings, locale).frameInvalid;
  const valid = clientId === undefined ? phone !== undefined : phone === undefined && Number.isSafeInteger(clientId) && clientId > 0;
  const found = useClientDialog(valid ? (clientId ?? { phone: phone ?? '' }) : undefined);

  if (valid && found.dialog) {
    const frame = { mode, host, title, loadTimeoutMs, onLoad, onError, toolbar, className, locale };
    return <DialogFrame ref={ref} {...rootProps} {...frame} dialogId={found.dialog.id} />;
  }
  const root = { rootProps: { ...rootProps, className: cx('c2d', 'c2d-dialog-frame', className) }, rootRef: ref, toolbar };
  if (!valid) return <InvalidFrame {...root} title={invalidTitle} message={strings.clientFrameInvalid} onError={onError} locale={locale} />;

  let notice: ReactElement;
  if (found.status === 'error') {
    notice = <ErrorState title={strings.clientFrameError} error={found.error} onRetry={found.refetch} locale={locale} />;
  } else if (found.status === 'pending') {
    notice = (
      <div className="c2d-dialog-frame__overlay" role="status">
        <span className="c2d-spinner" aria-hidden="true" />
        <span>{strings.clientFrameFinding}</span>
      </div>
    );
  } else {
    notice = (
      <div className="c2d-dialog-frame__panel" role="status">
        <p className="c2d-dialog-frame__panel-title">
          {found.clientNotFound ? strings.clientFrameNoClient(formatPhone(phone?.replace(/\D/g, '') ?? '')) : strings.clientFrameNoDialog}
        </p>
        {!found.clientNotFound && <p className="c2d-dialog-frame__panel-text">{strings.clientFrameNoDialogText}</p>}
      </div>
    );
  }
  return (
    <div {...root.rootProps} ref={ref} data-state={found.status === 'success' ? 'empty' : found.status}>
      <FrameBar toolbar={toolbar} locale={locale} />
      <div className="c2d-dialog-frame__body">{notice}</div>
    </div>
  );
});
