import { fireEvent, screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ClientCard } from './ClientCard.js';
import { ClientDialogFrame } from './ClientDialogFrame.js';
import { ClientList } from './ClientList.js';
import { DialogActions } from './DialogActions.js';
import { DialogFrame } from './DialogFrame.js';
import { DialogList } from './DialogList.js';
import { DialogModeSwitch } from './DialogModeSwitch.js';
import { MessageHistory } from './MessageHistory.js';
import { SendMessageForm } from './SendMessageForm.js';
import { TransferHistory } from './TransferHistory.js';
import { renderWithConsole } from './test/renderWithConsole.js';
import { setupConsoleServer } from './test/setupConsoleServer.js';

setupConsoleServer();

/** What a host puts on a widget's root: an id, a style, data and aria attributes, a handler. */
const hostProps = {
  id: 'host-id',
  style: { maxHeight: 321 },
  'data-testid': 'widget',
  'data-crm-section': 'support',
  'aria-describedby': 'host-help',
  className: 'host-class',
};

/** A callback ref: it fits every widget's root element type. */
type RootRef = (node: HTMLElement | null) => void;

const widgets: Array<[name: string, root: string, render: (ref: RootRef | undefined, onKeyUp: () => void) => ReactElement]> = [
  ['ClientList', 'DIV', (ref, onKeyUp) => <ClientList ref={ref} {...hostProps} onKeyUp={onKeyUp} />],
  ['TransferHistory', 'DIV', (ref, onKeyUp) => <TransferHistory clientId={1001} ref={ref} {...hostProps} onKeyUp={onKeyUp} />],
  ['MessageHistory', 'DIV', (ref, onKeyUp) => <MessageHistory clientId={1001} ref={ref} {...hostProps} onKeyUp={onKeyUp} />],
  ['SendMessageForm', 'FORM', (ref, onKeyUp) => <SendMessageForm clientId={1001} ref={ref} {...hostProps} onKeyUp={onKeyUp} />],
  ['DialogFrame', 'DIV', (ref, onKeyUp) => <DialogFrame mode={2} dialogId={63} ref={ref} {...hostProps} onKeyUp={onKeyUp} />],
  ['DialogFrame with invalid props', 'DIV', (ref, onKeyUp) => <DialogFrame mode={2} ref={ref} {...hostProps} onKeyUp={onKeyUp} />],
  ['DialogList', 'DIV', (ref, onKeyUp) => <DialogList ref={ref} {...hostProps} onKeyUp={onKeyUp} />],
  ['DialogActions', 'DIV', (ref, onKeyUp) => <DialogActions dialogId={51_001} ref={ref} {...hostProps} onKeyUp={onKeyUp} />],
  ['ClientCard', 'DIV', (ref, onKeyUp) => <ClientCard clientId={1001} ref={ref} {...hostProps} onKeyUp={onKeyUp} />],
  ['ClientDialogFrame', 'DIV', (ref, onKeyUp) => <ClientDialogFrame mode={2} clientId={1001} ref={ref} {...hostProps} onKeyUp={onKeyUp} />],
  [
    'ClientDialogFrame with invalid props',
    'DIV',
    (ref, onKeyUp) => <ClientDialogFrame mode={2} ref={ref} {...hostProps} onKeyUp={onKeyUp} />,
  ],
  [
    'DialogModeSwitch',
    'FIELDSET',
    (ref, onKeyUp) => <DialogModeSwitch value={1} onChange={() => {}} ref={ref} {...hostProps} onKeyUp={onKeyUp} />,
  ],
];

describe.each(widgets)('%s in a host page', (_name, rootTag, render) => {
  it('forwards its ref to its root element', () => {
    let root: HTMLElement | null = null;
    renderWithConsole(
      render((node) => {
        root = node;
      }, () => {}),
    );
    expect(root).toBe(screen.getByTestId('widget'));
    expect(screen.getByTestId('widget').tagName).toBe(rootTag);
  });

  it("passes the host's id, style, data-*, aria-* and handlers to its root, keeping its own class", () => {
    const onKeyUp = vi.fn();
    renderWithConsole(render(undefined, onKeyUp));
    const root = screen.getByTestId('widget');
    expect(root).toHaveAttribute('id', 'host-id');
    expect(root).toHaveStyle({ maxHeight: '321px' });
    expect(root).toHaveAttribute('data-crm-section', 'support');
    expect(root).toHaveAttribute('aria-describedby', 'host-help');
    expect(root).toHaveClass('c2d', 'host-class');
    fireEvent.keyUp(root, { key: 'a' });
    expect(onKeyUp).toHaveBeenCalledOnce();
  });
});
