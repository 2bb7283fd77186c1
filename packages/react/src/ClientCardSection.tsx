import { isConsoleApiError } from '@c2d-console/core';
import { useId, type ReactElement, type ReactNode } from 'react';
import type { ClientCardStrings } from './clientCardStrings.js';

/** True when the proxy refused an edit for this seat (403): that control stays off. */
export const isRefused = (error: Error | null): boolean => isConsoleApiError(error) && error.code === 'forbidden';

/** Props of {@link ClientCardSection}. */
export interface ClientCardSectionProps {
  label: string;
  /** The section's button beside its label ("Edit", "Add tag"), when it shows one. */
  action?: ReactNode;
  /** The last edit's failure, said with `failed` (or why the seat may not) in an alert. */
  error: Error | null;
  failed: (reason: string) => string;
  strings: ClientCardStrings;
  children: ReactNode;
}

/** @internal A labelled group of `ClientCard` (the comment, the tags): its label and button, content, and why an edit failed. */
export function ClientCardSection({ label, action, error, failed, strings, children }: ClientCardSectionProps): ReactElement {
  const id = useId();
  return (
    <div className="c2d-client-card__section" role="group" aria-labelledby={id}>
      <div>
        <b id={id}>{label}</b>
        {action}
      </div>
      {children}
      {error && (
        <p role="alert">
          {(isRefused(error) ? strings.cardRefused : failed)(error.message)}
        </p>
      )}
    </div>
  );
}
