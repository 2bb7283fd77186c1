import type { ReactElement, ReactNode } from 'react';
import { cx } from './cx.js';

/** Props of {@link LoadingState}. */
export interface LoadingStateProps {
  /** What is loading, said to screen readers, e.g. "Loading messages…". */
  label: string;
  /** The widget's own skeleton (hidden from assistive tech); otherwise `rows` plain bars. */
  children?: ReactNode;
  /** How many bars the plain skeleton shows (default 3). */
  rows?: number;
  /** Class of the plain skeleton's list. */
  className?: string;
}

/**
 * @internal A loading state shared by every widget: a status that screen readers announce, and a
 * skeleton in the shape of what is coming that they skip.
 */
export function LoadingState({ label, children, rows = 3, className }: LoadingStateProps): ReactElement {
  return (
    <>
      <span className="c2d-visually-hidden" role="status">
        {label}
      </span>
      {children ?? (
        <ul className={cx('c2d-skeleton-list', className)} aria-hidden="true">
          {Array.from({ length: rows }, (_, row) => (
            <li key={row} className="c2d-skeleton" />
          ))}
        </ul>
      )}
    </>
  );
}
