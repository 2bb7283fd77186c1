import type { ReactElement } from 'react';
import { useStrings } from './ConsoleContext.js';
import { cx } from './cx.js';
import type { Locale } from './Localized.js';
import { stateStrings } from './stateStrings.js';

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
  locale?: Locale;
}

/** @internal An announced error with the reason and a Retry button, shared by every widget. */
export function ErrorState({ title, error, onRetry, variant = 'block', className, locale }: ErrorStateProps): ReactElement {
  const strings = useStrings(stateStrings, locale);
  return (
    <div className={cx('c2d-state', 'c2d-state--error', variant === 'inline' && 'c2d-state--inline', className)} role="alert">
      <p className="c2d-state__title">{title}</p>
      {error?.message && <p className="c2d-state__text">{error.message}</p>}
      <button type="button" className="c2d-button" onClick={onRetry}>
        {strings.retry}
      </button>
    </div>
  );
}
