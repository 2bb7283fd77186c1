import type { DialogMode } from '@c2d-console/core';
import { DialogModeSwitch } from '@c2d-console/react';
import type { ReactNode } from 'react';
import type { DemoStrings } from './demoStrings.ts';

interface DialogSectionProps {
  mode: DialogMode;
  onModeChange: (mode: DialogMode) => void;
  /** Modes that need a dialog, off while there is none. */
  disabledModes?: DialogMode[];
  /** What the operator can do with the dialog, over the frame (the inbox's `DialogActions`). */
  actions?: ReactNode;
  /** The frame. */
  children: ReactNode;
  t: DemoStrings;
}

const NONE: DialogMode[] = [];

/** The Chat2Desk dialog's card: its title and mode switch, the actions, and the frame. */
export function DialogSection({ mode, onModeChange, disabledModes = NONE, actions, children, t }: DialogSectionProps) {
  return (
    <section className="crm-dialog" aria-label={t.dialog}>
      <div className="crm-dialog-bar">
        <h2>{t.dialog}</h2>
        <DialogModeSwitch value={mode} onChange={onModeChange} disabledModes={disabledModes} />
      </div>
      {actions}
      {children}
    </section>
  );
}
