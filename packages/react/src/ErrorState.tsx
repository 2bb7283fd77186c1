import type { ReactElement } from 'react';
import { useStrings } from './ConsoleContext.js';
import { historyStrings } from './historyStrings.js';
import type { Locale } from './Localized.js';

/** Props of {@link ErrorState}. */
export interface ErrorStateProps {
  /** What failed, e.g. "Could not load messages". */
  title: string;
  /** The error; its message (from the proxy's envelope) says why. */
  error: Error | null;
  onRetry: () => void;
  locale?: Locale;
}

/** @internal An announced error with the reason and a Retry button, for the console's widgets. */
export function ErrorState({ title, error, onRetry, locale }: ErrorStateProps): ReactElement {
  const strings = useStrings(historyStrings, locale);
  return (
    <div className="c2d-state c2d-state--error" role="alert">
      <p className="c2d-state__title">{title}</p>
      {error?.message && <p className="c2d-state__text">{error.message}</p>}
      <button type="button" className="c2d-button" onClick={onRetry}>
        {strings.retry}
      </button>
    </div>
  );
}
