import { isConsoleApiError } from '@c2d-console/core';
import type { ReactElement } from 'react';
import { useStrings } from './ConsoleContext.js';
import { cx } from './cx.js';
import type { ConsoleLocale } from './ConsoleLocale.js';
import { stateStrings, type StateStrings } from './stateStrings.js';

/** Props of {@link ErrorState}. */
export interface ErrorStateProps {
  /** What failed, e.g. "Could not load messages". */
  title: string;
  /** The error; its message (from the proxy's envelope) says why. */
  error: Error | null;
  onRetry: () => void;
  /** `inline`: one compact row, for a list's footer while what is loaded stays above it. */
  variant?: 'block' | 'inline';
  className?: string;
  locale?: ConsoleLocale;
}

/**
 * Why it failed: for the failures only someone other than the operator can fix (the monthly
 * quota, a rejected token), who must do what, in the console's language; for any other, the
 * proxy's own message.
 */
function reasonOf(error: Error | null, code: string | undefined, strings: StateStrings): string | undefined {
  return (code === 'upstream_quota' ? strings.upstreamQuota : code === 'upstream_auth' && strings.upstreamAuth) || error?.message || undefined;
}

/**
 * @internal An announced error with the reason and a Retry button, shared by every widget.
 * `data-error-code` carries the proxy's error code, for hosts that style or track failures.
 */
export function ErrorState({ title, error, onRetry, variant = 'block', className, locale }: ErrorStateProps): ReactElement {
  const strings = useStrings(stateStrings, locale);
  const code = isConsoleApiError(error) ? error.code : undefined;
  const reason = reasonOf(error, code, strings);
  return (
    <div
      className={cx('c2d-state', 'c2d-state--error', variant === 'inline' && 'c2d-state--inline', className)}
      role="alert"
      data-error-code={code}
    >
      <p className="c2d-state__title">{title}</p>
      {reason && <p className="c2d-state__text">{reason}</p>}
      <button type="button" className="c2d-button" onClick={onRetry}>
        {strings.retry}
      </button>
    </div>
  );
}
