import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DialogList } from './DialogList.js';
import { makeClient, makeInboxDialog } from './test/fixtures.js';
import { failOnce } from './test/handlers.js';
import { mockListboxLayout } from './test/listboxLayout.js';
import { renderWithConsole } from './test/renderWithConsole.js';
import { retryFromAlert } from './test/retryFromAlert.js';
import { setupConsoleServer, TEST_API_URL } from './test/setupConsoleServer.js';
import { ru } from './locales/ru.js';

const { server, requests } = setupConsoleServer();
const dialogRequests = () => requests.filter((url) => url.pathname === '/dialogs');

// jsdom has no layout: a 432 px listbox shows 6 rows.
mockListboxLayout(432);

describe('DialogList', () => {
  it('lists the open dialogs of the operator by default, newest activity first, with the client, message, operator and total', async () => {
    renderWithConsole(<DialogList operatorId={2} />);
    const list = await screen.findByRole('listbox', { name: 'Dialogs' });
    expect(dialogRequests()[0]?.search).toBe('?limit=50&state=open&operatorId=2&offset=0');
    const [first] = within(list).getAllByRole('option');
    // Client 1001 (index 1): open, held by operator 2 (Max Turner), newest of operator 2's.
    expect(first).toHaveTextContent('Нурлан Касымова');
    expect(first).toHaveTextContent('Can I change the delivery address?');
    await waitFor(() => expect(first).toHaveTextContent('Max Turner'));
    expect(first).toHaveAttribute('aria-posinset', '1');
    expect(screen.getByText(/^\d+ dialogs$/)).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Open' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Mine' })).toBeChecked();
  });

  it('offers no "Mine" filter without the operator, and lists every open dialog', async () => {
    renderWithConsole(<DialogList />);
    await screen.findByRole('listbox');
    expect(screen.queryByRole('radio', { name: 'Mine' })).toBeNull();
    expect(screen.getByRole('radio', { name: 'All' })).toBeChecked();
    expect(dialogRequests()[0]?.search).toBe('?limit=50&state=open&offset=0');
  });

  it('filters by state and by operator through the radio groups, telling the host', async () => {
    const user = userEvent.setup();
    const onStateChange = vi.fn();
    const onAssigneeChange = vi.fn();
    renderWithConsole(<DialogList operatorId={2} onStateChange={onStateChange} onAssigneeChange={onAssigneeChange} />);
    await screen.findByRole('listbox');
    await user.click(screen.getByRole('radio', { name: 'Closed' }));
    await user.click(screen.getByRole('radio', { name: 'Unassigned' }));
    await waitFor(() => expect(dialogRequests().at(-1)?.search).toBe('?limit=50&state=closed&unassigned=true&offset=0'));
    expect(onStateChange).toHaveBeenCalledWith('closed');
    expect(onAssigneeChange).toHaveBeenCalledWith('unassigned');
    const rows = await screen.findAllByRole('option');
    expect(rows.every((row) => row.textContent?.includes('Unassigned') && row.textContent.includes('Closed'))).toBe(true);
  });

  it('previews a last message without text by what it carries (a photo, a file by its name, a place)', async () => {
    const dialogs = [0, 1, 2].map((index) => makeInboxDialog(makeClient(index), index));
    const carrying = [
      { attachments: [{ url: 'https://files.example.kz/media/harbour.jpg', kind: 'photo', name: null }] },
      { attachments: [{ url: 'https://files.example.kz/files/5502', kind: 'file', name: 'contract.docx' }] },
      { location: { latitude: 43.24, longitude: 76.89 } },
    ] as const;
    const mediaOnly = dialogs.map((dialog, index) => ({
      ...dialog,
      state: 'open' as const,
      lastMessage: dialog.lastMessage && { ...dialog.lastMessage, text: '', ...carrying[index] },
    }));
    server.use(http.get(`${TEST_API_URL}/dialogs`, () => HttpResponse.json({ data: mediaOnly, meta: { total: 3, limit: 50, offset: 0 } })));
    const { unmount } = renderWithConsole(<DialogList />);
    const rows = within(await screen.findByRole('listbox')).getAllByRole('option');
    expect(rows.map((row) => row.querySelector('.c2d-dialog-row__text')?.textContent)).toEqual(['Photo', 'contract.docx', 'Location']);
    unmount();

    renderWithConsole(<DialogList />, { provider: { locale: ru } });
    const ruRows = within(await screen.findByRole('listbox')).getAllByRole('option');
    expect(ruRows[0]?.querySelector('.c2d-dialog-row__text')).toHaveTextContent(/^Фото$/);
  });

  it('says which filter is empty', async () => {
    renderWithConsole(<DialogList operatorId={99} />);
    expect(await screen.findByText('No open dialogs assigned to you')).toBeInTheDocument();
  });

  it('moves with the keyboard and selects with Enter, like ClientList', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    renderWithConsole(<DialogList onSelect={onSelect} selectedId={51_001} />);
    const list = await screen.findByRole('listbox');
    await user.tab();
    await user.tab();
    await user.tab();
    expect(list).toHaveFocus();
    // Focus lands on the selected dialog, in view.
    const active = () => document.getElementById(list.getAttribute('aria-activedescendant') ?? '');
    expect(active()).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowDown}');
    expect(active()).toHaveAttribute('aria-posinset', '3');
    await user.keyboard('{Enter}');
    expect(onSelect).toHaveBeenCalledOnce();
    expect(active()?.id.endsWith(`-${onSelect.mock.calls[0]?.[0].id}`)).toBe(true);
  });

  it('shows a badge with the unread count of the dialog’s client, said in words to screen readers', async () => {
    renderWithConsole(<DialogList unreadCounts={{ 1000: 3 }} />);
    const [first] = await screen.findAllByRole('option');
    expect(first).toHaveAttribute('data-unread', 'true');
    expect(first).toHaveTextContent('3 unread');
  });

  it('shows the error with Retry when the inbox cannot load, and recovers', async () => {
    server.use(failOnce('get', `${TEST_API_URL}/dialogs`, { status: 504, code: 'upstream_timeout', message: 'Chat2Desk did not answer in time' }));
    renderWithConsole(<DialogList />);
    await retryFromAlert({ title: 'Could not load dialogs', reason: 'Chat2Desk did not answer in time' });
    expect(await screen.findByRole('listbox')).toBeInTheDocument();
  });

  it('speaks Russian', async () => {
    renderWithConsole(<DialogList operatorId={2} locale={ru} />);
    expect(await screen.findByRole('listbox', { name: 'Диалоги' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Открытые' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Мои' })).toBeChecked();
  });
});
