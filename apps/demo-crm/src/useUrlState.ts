import type { DialogMode } from '@c2d-console/core';
import { isDialogMode } from '@c2d-console/core';
import { useCallback, useEffect, useState } from 'react';

/** How the page places the console: a full CRM page, or a CRM record with the console in a 360 px side panel. */
export type DemoLayout = 'full' | 'panel';

/**
 * The demo's view, kept in the URL (`?client=123&mode=2&layout=panel`) so a reload or shared
 * link opens it.
 */
export interface DemoView {
  clientId: number | undefined;
  mode: DialogMode;
  layout: DemoLayout;
}

/** Reads the view from a query string; bad values fall back to no client, mode 2, the full page. */
export function parseView(search: string): DemoView {
  const params = new URLSearchParams(search);
  const client = Number(params.get('client'));
  const mode = Number(params.get('mode'));
  return {
    clientId: Number.isSafeInteger(client) && client > 0 ? client : undefined,
    mode: isDialogMode(mode) ? mode : 2,
    layout: params.get('layout') === 'panel' ? 'panel' : 'full',
  };
}

/** Writes the view into a query string, keeping any other parameters (`layout` only when not the default). */
export function formatView(view: DemoView, search = ''): string {
  const params = new URLSearchParams(search);
  if (view.clientId) params.set('client', String(view.clientId));
  else params.delete('client');
  params.set('mode', String(view.mode));
  if (view.layout === 'panel') params.set('layout', 'panel');
  else params.delete('layout');
  return `?${params.toString()}`;
}

/** The view from the URL, and a setter that pushes a history entry (Back goes to the previous client). */
export function useUrlState(): [DemoView, (next: Partial<DemoView>) => void] {
  const [view, setView] = useState(() => parseView(window.location.search));

  useEffect(() => {
    const onPopState = () => setView(parseView(window.location.search));
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  const update = useCallback((next: Partial<DemoView>) => {
    setView((current) => {
      const merged = { ...current, ...next };
      const search = formatView(merged, window.location.search);
      if (search !== window.location.search) window.history.pushState(null, '', search);
      return merged;
    });
  }, []);

  return [view, update];
}
