import type { ReactNode } from 'react';
import type { DemoStrings } from './demoStrings.ts';
import type { DemoLayout } from './useUrlState.ts';

interface CrmLayoutProps {
  layout: DemoLayout;
  /** Extra class of the page (`crm--inbox`). */
  className?: string;
  header: ReactNode;
  /** The list to pick from (clients, dialogs), in its own `<nav>`. */
  list: ReactNode;
  card: ReactNode;
  dialog: ReactNode;
  history: ReactNode;
  t: DemoStrings;
}

/**
 * Where a view's parts go, in one of two layouts (`?layout=panel`):
 * - full page: the list on the left, the card and the Chat2Desk dialog in the middle, the
 *   history on the right; two columns, then one, as the screen narrows;
 * - side panel: the CRM's own record (the list and the card) with the console in a 360 px
 *   panel beside it, the way a CRM that embeds widgets in a sidebar shows it.
 */
export function CrmLayout({ layout, className, header, list, card, dialog, history, t }: CrmLayoutProps) {
  if (layout === 'panel') {
    return (
      <div className={`crm crm--panel ${className ?? ''}`}>
        {header}
        <main className="crm-record">
          {list}
          <div className="crm-record-card">{card}</div>
        </main>
        <aside className="crm-panel" aria-label={t.console}>
          {dialog}
          {history}
        </aside>
      </div>
    );
  }
  return (
    <div className={`crm crm--full ${className ?? ''}`}>
      {header}
      {list}
      <main className="crm-main">
        {card}
        {dialog}
      </main>
      <aside className="crm-side" aria-label={t.history}>
        {history}
      </aside>
    </div>
  );
}
