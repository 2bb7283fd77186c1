import type { ReactNode } from 'react';
import type { DemoStrings } from './demoStrings.ts';
import type { DemoLayout } from './useUrlState.ts';

interface CrmLayoutProps {
  layout: DemoLayout;
  /** The list to pick from (clients, dialogs), in its own `<nav>`. */
  list: ReactNode;
  card: ReactNode;
  dialog: ReactNode;
  history: ReactNode;
  t: DemoStrings;
}

/**
 * Where a section's parts go in the page's grid (`CrmPage` holds the grid and the header), in
 * one of two layouts (`?layout=panel`):
 * - full page: the list on the left, the card and the Chat2Desk dialog in the middle, the
 *   history on the right; two columns, then one, as the screen narrows;
 * - side panel: the CRM's own record (the list and the card) with the console in a 360 px
 *   panel beside it, the way a CRM that embeds widgets in a sidebar shows it.
 */
export function CrmLayout({ layout, list, card, dialog, history, t }: CrmLayoutProps) {
  if (layout === 'panel') {
    return (
      <>
        <main className="crm-record">
          {list}
          <div className="crm-record-card">{card}</div>
        </main>
        <aside className="crm-panel" aria-label={t.console}>
          {dialog}
          {history}
        </aside>
      </>
    );
  }
  return (
    <>
      {list}
      <main className="crm-main">
        {card}
        {dialog}
      </main>
      <aside className="crm-side" aria-label={t.history}>
        {history}
      </aside>
    </>
  );
}
