import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { formatView, type DemoView } from './useUrlState.ts';

interface ViewLinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  view: DemoView;
  /** What the link changes in the view. */
  to: Partial<DemoView>;
  onNavigate: (next: Partial<DemoView>) => void;
}

/**
 * A link to another view of the demo: a real `href` (a new tab, copy the address), and a plain
 * click changes the view in place without reloading the page.
 */
export function ViewLink({ view, to, onNavigate, onClick, children, ...props }: ViewLinkProps) {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    // A modified click is the browser's (a new tab or window).
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onNavigate(to);
  };
  return (
    <a {...props} href={formatView({ ...view, ...to }, window.location.search)} onClick={follow}>
      {children}
    </a>
  );
}
