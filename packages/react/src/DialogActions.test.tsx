import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DialogActions } from './DialogActions.js';
import { TransferHistory } from './TransferHistory.js';
import { forbiddenMessage } from './test/fakeOperatorWork.js';
import { createConsoleHandlers, failOnce } from './test/handlers.js';
import { holdRequest } from './test/holdRequest.js';
import { recordWrites } from './test/recordWrites.js';
import { renderWithConsole } from './test/renderWithConsole.js';
import { setupConsoleServer, TEST_API_URL } from './test/setupConsoleServer.js';

const { server } = setupConsoleServer();
const writes = recordWrites(server);
beforeEach(() => server.use(...createConsoleHandlers({ baseUrl: TEST_API_URL })));

/** Client 1001's dialog: open, held by Max Turner (operator 2). */
const DIALOG = 51_001;
const bar = () => screen.getByRole('group', { name: 'Dialog actions' });

describe('DialogActions', () => {
  it('says the dialog’s state and holder, and offers Transfer and Close for an open dialog', async () => {
    renderWithConsole(<DialogActions dialogId={DIALOG} />);
    await waitFor(() => expect(bar()).toHaveTextContent('Open · Max Turner'));
    expect(within(bar()).getByRole('button', { name: 'Transfer…' })).toBeEnabled();
    expect(within(bar()).getByRole('button', { name: 'Close dialog' })).toBeEnabled();
  });

  it('transfers by keyboard: search, arrows, Enter, a confirmation, and the transfer shows in the history at once', async () => {
    const user = userEvent.setup();
    const onDone = vi.fn();
    renderWithConsole(
      <>
        <DialogActions dialogId={DIALOG} onDone={onDone} />
        <TransferHistory dialogId={DIALOG} />
      </>,
    );
    await screen.findByRole('list', { name: 'Transfer history' });
    await user.click(await screen.findByRole('button', { name: 'Transfer…' }));
    const search = screen.getByRole('combobox', { name: 'Transfer to' });
    expect(search).toHaveFocus();
    // Online first (Алия with 4 open before Max is the holder, so not offered), offline last, then the groups.
    const names = within(await screen.findByRole('listbox')).getAllByRole('option').map((o) => o.querySelector('.c2d-picker__name')?.textContent);
    expect(names).toEqual(['Алия Нурпеисова', 'Олег Смирнов', 'Продажи', 'Support']);
    await user.type(search, 'о');
    await user.keyboard('{ArrowDown}');
    expect(search).toHaveAttribute('aria-activedescendant', screen.getByRole('option', { name: /Олег Смирнов/ }).id);
    await user.keyboard('{Enter}');
    const confirm = screen.getByRole('group', { name: 'Transfer this dialog to Олег Смирнов?' });
    expect(confirm).toHaveTextContent('This operator is offline now.');
    expect(within(confirm).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    const release = holdRequest(server, `${TEST_API_URL}/dialogs/${DIALOG}/transfer`);
    await user.click(within(confirm).getByRole('button', { name: 'Transfer' }));
    expect(within(confirm).getByRole('button', { name: 'Transfer' })).toBeDisabled();
    expect(bar().parentElement).toHaveAttribute('aria-busy', 'true');
    const pending = await screen.findByText('Transferring…', { selector: '.c2d-transfers__time' });
    expect(pending.closest('li')).toHaveTextContent('Max Turner → to Олег Смирнов');
    release();
    await waitFor(() => expect(onDone).toHaveBeenCalledWith('transfer', expect.objectContaining({ operatorId: 3 })));
    expect(screen.getByText('Dialog transferred to Олег Смирнов')).toHaveAttribute('role', 'status');
    expect(writes.at(-1)).toMatchObject({ path: `/dialogs/${DIALOG}/transfer`, body: { operatorId: 3 } });
    await waitFor(() => expect(bar()).toHaveTextContent('Open · Олег Смирнов'));
  });

  it('asks before closing; Escape goes back to the buttons and sends nothing', async () => {
    const user = userEvent.setup();
    renderWithConsole(<DialogActions dialogId={DIALOG} />);
    const close = await screen.findByRole('button', { name: 'Close dialog' });
    await user.click(close);
    expect(screen.getByRole('group', { name: 'Close this dialog?' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('group', { name: 'Close this dialog?' })).toBeNull();
    expect(within(bar()).getByRole('button', { name: 'Transfer…' })).toHaveFocus();
    expect(writes).toHaveLength(0);
  });

  it('closes after the confirmation, then offers Reopen', async () => {
    const user = userEvent.setup();
    const onDone = vi.fn();
    renderWithConsole(<DialogActions dialogId={DIALOG} onDone={onDone} />);
    await user.click(await screen.findByRole('button', { name: 'Close dialog' }));
    await user.click(within(screen.getByRole('group', { name: 'Close this dialog?' })).getByRole('button', { name: 'Close dialog' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith('close', expect.objectContaining({ state: 'closed' })));
    expect(bar()).toHaveTextContent('Closed · Max Turner');
    await user.click(within(bar()).getByRole('button', { name: 'Reopen' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith('reopen', expect.objectContaining({ state: 'open' })));
  });

  it('shows a failure inline and keeps the confirmation, where trying again reuses the idempotency key', async () => {
    const user = userEvent.setup();
    server.use(failOnce('post', `${TEST_API_URL}/dialogs/${DIALOG}/close`, { status: 504, code: 'upstream_timeout', message: 'Chat2Desk did not answer in time' }));
    renderWithConsole(<DialogActions dialogId={DIALOG} />);
    await user.click(await screen.findByRole('button', { name: 'Close dialog' }));
    const confirm = screen.getByRole('group', { name: 'Close this dialog?' });
    await user.click(within(confirm).getByRole('button', { name: 'Close dialog' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not close the dialog: Chat2Desk did not answer in time');
    await user.click(within(confirm).getByRole('button', { name: 'Close dialog' }));
    await waitFor(() => expect(bar()).toHaveTextContent('Closed'));
    expect(writes.map((w) => w.body.idempotencyKey)).toEqual([writes[0]?.body.idempotencyKey, writes[0]?.body.idempotencyKey]);
  });

  it('says why when the seat may not close dialogs', async () => {
    const user = userEvent.setup();
    server.use(...createConsoleHandlers({ baseUrl: TEST_API_URL, forbidden: ['close'] }));
    renderWithConsole(<DialogActions dialogId={DIALOG} />);
    await user.click(await screen.findByRole('button', { name: 'Close dialog' }));
    await user.click(within(screen.getByRole('group', { name: 'Close this dialog?' })).getByRole('button', { name: 'Close dialog' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(`Could not close the dialog: ${forbiddenMessage('close')}`);
    expect(bar()).toHaveTextContent('Open');
  });
});
