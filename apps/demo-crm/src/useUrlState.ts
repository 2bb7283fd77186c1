import type { DialogMode } from '@c2d-console/core';
import { isDialogMode } from '@c2d-console/core';
import { useCallback, useEffect, useState } from 'react';

/** How the page places the console: a full CRM page, or a CRM record with the console in a 360 px side panel. */
export type DemoLayout = 'full' | 'panel';

/** Which part of the CRM is open: a lead (a client) or the operator's inbox of dialogs. */
export type DemoSection = 'leads' | 'inbox';

/**
 * The demo's view, kept in the URL (`?client=123&mode=2&layout=panel`, `?section=inbox&dialog=63`)
 * so a reload or shared link opens it. The lead and the dialog are kept apart: going back to
 * the leads finds the lead where it was.
 */
export interface DemoView {
  section: DemoSection;
  clientId: number | undefined;
  /** The dialog open in the inbox. */
  dialogId: number | undefined;
  mode: DialogMode;
  layout: DemoLayout;
}

const positiveId = (value: string | null): number | undefined => {
  const id = Number(value);
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
};

/** Reads the view from a query string; bad values fall back to the leads, no client or dialog, mode 2, the full page. */
export function parseView(search: string): DemoView {
  const params = new URLSearchParams(search);
  const mode = Number(params.get('mode'));
  return {
    section: params.get('section') === 'inbox' ? 'inbox' : 'leads',
    clientId: positiveId(params.get('client')),
    dialogId: positiveId(params.get('dialog')),
    mode: isDialogMode(mode) ? mode : 2,
    layout: params.get('layout') === 'panel' ? 'panel' : 'full',
  };
}

/** Writes the view into a query string, keeping any other parameters (`section` and `layout` only when not the default). */
export function formatView(view: DemoView, search = ''): string {
  const params = new URLSearchParams(search);
  const setOrDelete = (name: string, value: string | undefined) => (value === undefined ? params.delete(name) : params.set(name, value));
  setOrDelete('section', view.section === 'inbox' ? 'inbox' : undefined);
  setOrDelete('client', view.clientId ? String(view.clientId) : undefined);
  setOrDelete('dialog', view.dialogId ? String(view.dialogId) : undefined);
  params.set('mode', String(view.mode));
  setOrDelete('layout', view.layout === 'panel' ? 'panel' : undefined);
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
