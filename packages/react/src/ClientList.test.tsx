import type { Client } from '@c2d-console/core';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { delay, http, HttpResponse } from 'msw';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ClientList } from './ClientList.js';
import { clientDisplayName } from './clientDisplayName.js';
import { makeClient, makeClients } from './test/fixtures.js';
import { createConsoleHandlers, failOnce } from './test/handlers.js';
import { createTestQueryClient, renderWithConsole } from './test/renderWithConsole.js';
import { retryFromAlert } from './test/retryFromAlert.js';
import { mockListboxLayout } from './test/listboxLayout.js';
import { seedClientList } from './test/seedClientList.js';
import { setupConsoleServer, TEST_API_URL } from './test/setupConsoleServer.js';
import { ru } from './locales/ru.js';

const baseUrl = TEST_API_URL;
/** `requests`: every request the list sent (only ever `GET /clients`), in order. */
const { server, requests, withFeed } = setupConsoleServer();

/** jsdom has no layout: the listbox gets a 448px viewport (8 rows) and a real scroll height. */
const LIST_HEIGHT = 448;
mockListboxLayout(LIST_HEIGHT);

/** The list's rows (the tag filter's `<option>`s are options too, outside the listbox). */
const options = () => within(screen.getByRole('listbox')).getAllByRole('option');
/** A proxy that can search names (a complete client index), for the tests about the search box itself. */
const withClientIndex = () => createConsoleHandlers({ baseUrl, clientIndex: true });
const activeOption = () => {
  const id = screen.getByRole('listbox').getAttribute('aria-activedescendant');
  return id ? document.getElementById(id) : null;
};

describe('ClientList', () => {
  it('shows the first page of clients as options of a named listbox, with the total', async () => {
    renderWithConsole(<ClientList onSelect={() => {}} />);
    const list = await screen.findByRole('listbox', { name: 'Clients' });
    expect(screen.getByText('120 clients')).toBeInTheDocument();
    const first = within(list).getAllByRole('option')[0]!;
    // makeClient(0) has an operator-assigned name, which Chat2Desk shows instead of its own.
    expect(first).toHaveTextContent('Айгерим (VIP)');
    expect(first).toHaveTextContent('+7 701 100-00-00');
    expect(first).toHaveAttribute('aria-posinset', '1');
    expect(first).toHaveAttribute('aria-setsize', '120');
    expect(first).toHaveAttribute('aria-selected', 'false');
    expect(requests.map((url) => url.search)).toEqual(['?limit=50&offset=0']);
  });

  it('marks the selected client with aria-selected', async () => {
    renderWithConsole(<ClientList selectedId={1001} />);
    const selected = await within(await screen.findByRole('listbox')).findByRole('option', { selected: true });
    expect(selected).toHaveAttribute('aria-posinset', '2');
    expect(options().filter((o) => o.getAttribute('aria-selected') === 'true')).toHaveLength(1);
  });

  it('searches by name after the operator stops typing, not on every key', async () => {
    const user = userEvent.setup();
    server.use(...withClientIndex());
    renderWithConsole(<ClientList />);
    await screen.findByRole('listbox');
    await user.type(screen.getByRole('searchbox', { name: 'Search clients' }), 'Olivia');
    await waitFor(() => expect(requests.at(-1)?.searchParams.get('q')).toBe('Olivia'));
    const searched = requests.slice(1);
    expect(searched).toHaveLength(1);
    expect(searched[0]?.searchParams.has('phone')).toBe(false);
    await waitFor(() => expect(options().every((o) => o.textContent?.includes('Olivia'))).toBe(true));
    expect(screen.getByText('12 clients')).toBeInTheDocument();
  });

  it('while the proxy cannot search names, searches the clients it loaded, says how many, and searches further on request', async () => {
    const user = userEvent.setup();
    renderWithConsole(<ClientList />);
    await screen.findByRole('listbox');
    await user.type(screen.getByRole('searchbox'), 'Olivia');
    await screen.findByText('Searched 50 of 120 clients');
    const loaded = makeClients(120).slice(0, 50).filter((c) => clientDisplayName(c).includes('Olivia'));
    expect(options().map((o) => o.textContent)).toEqual(loaded.map((c) => expect.stringContaining(clientDisplayName(c))));
    // Scrolling through the few matches does not page through the account.
    expect(requests.filter((url) => url.searchParams.get('offset') !== '0')).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Search more clients' }));
    await screen.findByText('Searched 100 of 120 clients');
    await user.click(screen.getByRole('button', { name: 'Search more clients' }));
    // Everyone loaded: the search is whole, and counted as such.
    await screen.findByText('12 clients');
    expect(options().every((o) => o.textContent?.includes('Olivia'))).toBe(true);
    expect(screen.queryByRole('button', { name: 'Search more clients' })).toBeNull();
    expect(requests.filter((url) => url.searchParams.has('q')).map((url) => url.searchParams.get('q'))).toEqual(['Olivia']);
  });

  it('searches a typed phone number by its digits', async () => {
    const user = userEvent.setup();
    renderWithConsole(<ClientList />);
    await screen.findByRole('listbox');
    await user.type(screen.getByRole('searchbox'), '+7 (701) 100-0');
    await waitFor(() => expect(requests).toHaveLength(2));
    expect(requests[1]?.searchParams.get('phone')).toBe('77011000');
    expect(requests[1]?.searchParams.has('q')).toBe(false);
  });

  it('keeps the previous results on screen while a search loads', async () => {
    const user = userEvent.setup();
    server.use(http.get(`${baseUrl}/clients`, () => delay('infinite')));
    const queryClient = createTestQueryClient();
    seedClientList(queryClient, makeClients(30), { pageSize: 50 });
    renderWithConsole(<ClientList />, { provider: { queryClient } });
    await screen.findByRole('listbox');
    await user.type(screen.getByRole('searchbox'), 'Anna');
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(screen.getByRole('listbox')).toHaveAttribute('aria-busy', 'true');
    expect(options().length).toBeGreaterThan(0);
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('clears the search with the clear button and lists everyone again at once', async () => {
    const user = userEvent.setup();
    const onSearchChange = vi.fn();
    server.use(...withClientIndex());
    renderWithConsole(<ClientList defaultSearch="Olivia" onSearchChange={onSearchChange} />);
    await screen.findByText('12 clients');
    await user.click(screen.getByRole('button', { name: 'Clear search' }));
    expect(screen.getByRole('searchbox')).toHaveValue('');
    expect(screen.getByRole('searchbox')).toHaveFocus();
    expect(onSearchChange).toHaveBeenLastCalledWith('');
    await screen.findByText('120 clients');
    expect(screen.queryByRole('button', { name: 'Clear search' })).toBeNull();
  });

  it('follows a controlled search', async () => {
    server.use(...withClientIndex());
    const { rerender } = renderWithConsole(<ClientList search="James" />);
    await screen.findByText('12 clients');
    expect(screen.getByRole('searchbox')).toHaveValue('James');
    rerender(<ClientList search="James Smith" />);
    await screen.findByText('1 client');
    expect(options()[0]).toHaveTextContent('James Smith');
  });

  it('moves through the list with the keyboard and selects with Enter and Space', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn<(client: Client) => void>();
    renderWithConsole(<ClientList onSelect={onSelect} />);
    await screen.findByRole('listbox');
    await user.click(screen.getByRole('searchbox'));
    await user.keyboard('{ArrowDown}');
    const list = screen.getByRole('listbox');
    expect(list).toHaveFocus();
    expect(activeOption()).toHaveAttribute('aria-posinset', '1');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(activeOption()).toHaveAttribute('aria-posinset', '3');
    await user.keyboard('{ArrowUp}');
    expect(activeOption()).toHaveAttribute('aria-posinset', '2');
    await user.keyboard('{Enter}');
    expect(onSelect).toHaveBeenLastCalledWith(makeClient(1));
    await user.keyboard('{PageDown}');
    // A 448px viewport shows 8 rows; a page moves by one row less, keeping one row of context.
    expect(activeOption()).toHaveAttribute('aria-posinset', '9');
    await user.keyboard('{PageUp}');
    expect(activeOption()).toHaveAttribute('aria-posinset', '2');
    await user.keyboard('{End}');
    expect(activeOption()).toHaveAttribute('aria-posinset', '50');
    await user.keyboard(' ');
    expect(onSelect).toHaveBeenLastCalledWith(makeClient(49));
    await user.keyboard('{Home}');
    expect(activeOption()).toHaveAttribute('aria-posinset', '1');
    await user.keyboard('{ArrowUp}');
    expect(activeOption()).toHaveAttribute('aria-posinset', '1');
    expect(onSelect).toHaveBeenCalledTimes(2);
  });

  it('selects a client by click', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn<(client: Client) => void>();
    renderWithConsole(<ClientList onSelect={onSelect} />);
    await screen.findByRole('listbox');
    await user.click(options()[3]!);
    expect(onSelect).toHaveBeenCalledWith(makeClient(3));
    expect(activeOption()).toHaveAttribute('aria-posinset', '4');
    expect(screen.getByRole('listbox')).toHaveFocus();
  });

  it('fetches the next page as the operator scrolls near the end', async () => {
    renderWithConsole(<ClientList pageSize={50} />);
    const list = await screen.findByRole('listbox');
    expect(options().length).toBeLessThan(20);
    expect(requests).toHaveLength(1);
    act(() => {
      list.scrollTop = 40 * 56;
      list.dispatchEvent(new Event('scroll'));
    });
    await waitFor(() => expect(requests.map((url) => url.searchParams.get('offset'))).toEqual(['0', '50']));
    act(() => list.focus());
    await userEvent.setup().keyboard('{End}');
    await waitFor(() => expect(activeOption()).toHaveAttribute('aria-posinset', '100'));
    expect(activeOption()).toHaveTextContent(clientDisplayName(makeClient(99)));
  });

  it('keeps the loaded clients when the next page fails, and asks only when Retry is pressed', async () => {
    server.use(failOnce('get', `${baseUrl}/clients`, { when: (url) => url.searchParams.get('offset') === '50' }));
    renderWithConsole(<ClientList pageSize={50} />);
    const list = await screen.findByRole('listbox');
    const scrollNearEnd = (top: number) =>
      act(() => {
        list.scrollTop = top;
        list.dispatchEvent(new Event('scroll'));
      });
    scrollNearEnd(40 * 56);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load clients');
    expect(alert).toHaveTextContent('Chat2Desk is unavailable');
    expect(screen.getByRole('listbox')).toBeInTheDocument();
    // Scrolling on does not ask again by itself: a failing (maybe rate-limited) proxy is left alone.
    scrollNearEnd(41 * 56);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(requests.map((url) => url.searchParams.get('offset'))).toEqual(['0', '50']);
    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(requests.map((url) => url.searchParams.get('offset'))).toEqual(['0', '50', '50']);
  });

  it('keeps fewer than 60 rows in the DOM with 10,000 clients loaded, and End reaches the last one', async () => {
    const user = userEvent.setup();
    const queryClient = createTestQueryClient();
    seedClientList(queryClient, makeClients(10_000), { pageSize: 200 });
    renderWithConsole(<ClientList pageSize={200} />, { provider: { queryClient } });
    const list = await screen.findByRole('listbox');
    expect(screen.getByText('10,000 clients')).toBeInTheDocument();
    expect(options().length).toBeGreaterThan(5);
    expect(options().length).toBeLessThan(60);
    act(() => list.focus());
    await user.keyboard('{End}');
    expect(activeOption()).toHaveAttribute('aria-posinset', '10000');
    expect(activeOption()).toHaveTextContent(clientDisplayName(makeClient(9999)));
    expect(options().length).toBeLessThan(60);
    expect(requests).toHaveLength(0);
  });

  it('shows a loading skeleton with a status for screen readers', async () => {
    server.use(...createConsoleHandlers({ baseUrl, latency: 'infinite' }));
    renderWithConsole(<ClientList />);
    expect(await screen.findByRole('status')).toHaveTextContent('Loading clients…');
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('says when there are no clients at all', async () => {
    server.use(...createConsoleHandlers({ baseUrl, clients: [] }));
    renderWithConsole(<ClientList />);
    expect(await screen.findByText('No clients yet')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('No clients yet');
    expect(screen.getByText('0 clients')).toBeInTheDocument();
  });

  it('says when nothing matches the search, naming it', async () => {
    renderWithConsole(<ClientList defaultSearch="Zebediah" />);
    expect(await screen.findByText('Nothing matches “Zebediah”')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Nothing matches “Zebediah”');
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('shows the error and recovers with Retry', async () => {
    server.use(
      http.get(
        `${baseUrl}/clients`,
        () => HttpResponse.json({ error: { code: 'upstream_error', message: 'Chat2Desk is unavailable' } }, { status: 502 }),
        { once: true },
      ),
    );
    renderWithConsole(<ClientList />);
    await retryFromAlert({ title: 'Could not load clients', reason: 'Chat2Desk is unavailable' });
    expect(await screen.findByRole('listbox')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('speaks Russian', async () => {
    renderWithConsole(<ClientList defaultSearch="Zebediah" />, { provider: { locale: ru } });
    expect(await screen.findByText('По запросу «Zebediah» ничего не найдено')).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Поиск клиентов' })).toHaveAttribute('placeholder', 'Имя или телефон');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Очистить поиск' }));
    expect(await screen.findByRole('listbox', { name: 'Клиенты' })).toBeInTheDocument();
    expect(screen.getByText('120 клиентов')).toBeInTheDocument();
  });

  it('truncates long names but keeps the full name in the title', async () => {
    const long = 'Александра Константиновна Преображенская-Многоименная, отдел оптовых закупок';
    server.use(...createConsoleHandlers({ baseUrl, clients: [makeClient(1, { name: long, assignedName: null })] }));
    renderWithConsole(<ClientList />);
    expect(await screen.findByTitle(long)).toHaveClass('c2d-client-row__name');
  });
});

describe('ClientList tag filter', () => {
  const filter = () => screen.getByRole('combobox', { name: 'Filter by tag' });
  const clientRequests = () => requests.filter((url) => url.pathname === '/clients');
  const tagRequests = () => requests.filter((url) => url.pathname === '/tags');

  it('asks for the tags only when the operator reaches for the filter, then narrows the list through the proxy', async () => {
    const user = userEvent.setup();
    const onTagIdChange = vi.fn();
    renderWithConsole(<ClientList onTagIdChange={onTagIdChange} />);
    await screen.findByText('120 clients');
    // A visit that never filters costs no call for the tags.
    expect(tagRequests()).toHaveLength(0);
    expect(filter()).toHaveDisplayValue('All tags');

    await user.click(filter());
    // In Chat2Desk's groups: "Segment" holds VIP and Опт; ungrouped tags stand alone.
    const segment = await within(filter()).findByRole('group', { name: 'Segment' });
    expect(within(segment).getAllByRole('option').map((option) => option.textContent)).toEqual(['VIP', 'Опт']);
    expect(tagRequests()).toHaveLength(1);

    await user.selectOptions(filter(), 'VIP');
    expect(onTagIdChange).toHaveBeenLastCalledWith(77);
    await screen.findByText('24 clients');
    expect(clientRequests().at(-1)?.searchParams.get('tagId')).toBe('77');
    // Every fifth fixture client has the tag.
    expect(options()[0]).toHaveTextContent(nameOf(0));
    expect(options()[1]).toHaveTextContent(nameOf(5));

    await user.selectOptions(filter(), 'All tags');
    expect(onTagIdChange).toHaveBeenLastCalledWith(null);
    await screen.findByText('120 clients');
    expect(clientRequests().at(-1)?.searchParams.has('tagId')).toBe(false);
  });

  it('says when no client has the tag', async () => {
    const user = userEvent.setup();
    renderWithConsole(<ClientList />);
    await screen.findByRole('listbox');
    await user.click(filter());
    await within(filter()).findByRole('option', { name: 'Опт' });
    await user.selectOptions(filter(), 'Опт');
    expect(await screen.findByText('No clients with this tag')).toHaveAttribute('role', 'status');
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('starts from a default tag, named in the filter once the tags arrive', async () => {
    renderWithConsole(<ClientList defaultTagId={77} />);
    await screen.findByText('24 clients');
    // The list never asked for every client first.
    expect(clientRequests().map((url) => url.searchParams.get('tagId'))).toEqual(['77']);
    await waitFor(() => expect(filter()).toHaveDisplayValue('VIP'));
  });

  it('follows a controlled tag, reporting the operator\'s pick to the host', async () => {
    const user = userEvent.setup();
    const onTagIdChange = vi.fn();
    renderWithConsole(<ClientList tagId={79} onTagIdChange={onTagIdChange} />);
    await waitFor(() => expect(filter()).toHaveDisplayValue('New'));
    await user.selectOptions(filter(), 'VIP');
    expect(onTagIdChange).toHaveBeenCalledWith(77);
    // The host did not pass the pick back: the list stays on its tag.
    expect(filter()).toHaveDisplayValue('New');
    expect(clientRequests().every((url) => url.searchParams.get('tagId') === '79')).toBe(true);
  });

  it('searches a name among the clients with the tag itself: the proxy, which refuses a name with a tag, is asked for the tag only', async () => {
    // Even a proxy that can search names (a complete client index) cannot within a tag.
    server.use(...withClientIndex());
    renderWithConsole(<ClientList defaultTagId={77} defaultSearch="James" />);
    // Every fifth fixture client has the tag, and every tenth from the sixth is a James: 12 of the 24.
    await screen.findByText('12 clients');
    expect(options()).toHaveLength(12);
    expect(options().every((option) => option.textContent?.includes('James'))).toBe(true);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(clientRequests().map((url) => url.search)).toEqual(['?tagId=77&limit=50&offset=0']);
  });

  it('says how many of the tagged clients a name search looked through, and looks further on request', async () => {
    const user = userEvent.setup();
    server.use(...withClientIndex());
    renderWithConsole(<ClientList defaultTagId={77} defaultSearch="James" pageSize={10} />);
    await screen.findByText('Searched 10 of 24 clients');
    expect(options()).toHaveLength(5);
    await user.click(screen.getByRole('button', { name: 'Search more clients' }));
    await screen.findByText('Searched 20 of 24 clients');
    expect(options()).toHaveLength(10);
    expect(clientRequests().map((url) => url.searchParams.get('offset'))).toEqual(['0', '10']);
    expect(clientRequests().every((url) => url.searchParams.get('tagId') === '77' && !url.searchParams.has('q'))).toBe(true);
  });

  it('asks the proxy for a phone within the tag (a combination it takes)', async () => {
    renderWithConsole(<ClientList defaultTagId={77} defaultSearch="+7 701 100-00-35" />);
    // makeClient(5): the phone 7701 1000035, with the tag.
    await waitFor(() => expect(options()).toHaveLength(1));
    expect(options()[0]).toHaveTextContent(nameOf(5));
    expect(clientRequests().filter((url) => url.searchParams.has('phone')).map((url) => url.search)).toEqual([
      '?phone=77011000035&tagId=77&limit=50&offset=0',
    ]);
  });

  it('says when the tags cannot load, and asks again when the operator comes back to the filter', async () => {
    const user = userEvent.setup();
    server.use(failOnce('get', `${baseUrl}/tags`));
    renderWithConsole(<ClientList />);
    await screen.findByRole('listbox');
    await user.click(filter());
    expect(await within(filter()).findByRole('option', { name: 'Could not load tags' })).toBeDisabled();
    await user.click(screen.getByRole('listbox'));
    await user.click(filter());
    expect(await within(filter()).findByRole('option', { name: 'VIP' })).toBeEnabled();
    expect(tagRequests()).toHaveLength(2);
  });

  it('can be left out, and speaks Russian', async () => {
    const { unmount } = renderWithConsole(<ClientList tagFilter={false} />);
    await screen.findByRole('listbox');
    expect(screen.queryByRole('combobox')).toBeNull();
    unmount();
    renderWithConsole(<ClientList />, { provider: { locale: ru } });
    await screen.findByRole('listbox');
    expect(screen.getByRole('combobox', { name: 'Фильтр по тегу' })).toHaveDisplayValue('Все теги');
  });
});

/** A host page that keeps the selection, as the demo does. */
function SelectingHost() {
  const [selectedId, setSelectedId] = useState<number>();
  return <ClientList selectedId={selectedId} onSelect={(client) => setSelectedId(client.id)} />;
}

const nameOf = (index: number) => clientDisplayName(makeClient(index));

describe('ClientList with the event stream', () => {
  /** Renders the list and waits until the stream is open and the first page shown. */
  async function renderLive(ui = <ClientList />) {
    const feed = withFeed();
    const rendered = renderWithConsole(ui);
    await screen.findByRole('listbox');
    await waitFor(() => expect(feed.connections).toHaveLength(1));
    return { feed, ...rendered };
  }

  it('moves a client who writes to the top, with an unread badge that counts', async () => {
    const { feed } = await renderLive();
    feed.clientWrites(1005, 'Hello?');
    feed.clientWrites(1005, 'Anyone there?');
    await waitFor(() => expect(options()[0]).toHaveTextContent(nameOf(5)));
    const top = options()[0]!;
    await waitFor(() => expect(top).toHaveTextContent('2 unread messages'));
    expect(top).toHaveAttribute('aria-posinset', '1');
    expect(top).toHaveAttribute('data-unread');
    expect(options()[1]).toHaveTextContent(nameOf(0));
    // An operator's reply elsewhere is activity too: that client goes on top, without a badge.
    feed.operatorReplies(1003, 'On its way');
    await waitFor(() => expect(options()[0]).toHaveTextContent(nameOf(3)));
    expect(options()[0]).not.toHaveAttribute('data-unread');
    expect(options()[1]).toHaveTextContent('2 unread messages');
    // The list itself was not asked for again.
    expect(requests.filter((url) => url.pathname === '/clients')).toHaveLength(1);
  });

  it('brings a client no loaded page holds to the top, fetching only that client', async () => {
    const { feed } = await renderLive();
    feed.clientWrites(1080, 'First time here');
    await waitFor(() => expect(options()[0]).toHaveTextContent(nameOf(80)));
    expect(options()[0]).toHaveTextContent('1 unread message');
    expect(requests.map((url) => url.pathname)).toEqual(['/clients', '/clients/1080']);
  });

  it('clears the badge when the client is opened, and counts nothing new while it is open', async () => {
    const user = userEvent.setup();
    const { feed } = await renderLive(<SelectingHost />);
    feed.clientWrites(1005, 'Hello?');
    await waitFor(() => expect(options()[0]).toHaveTextContent('1 unread message'));
    await user.click(options()[0]!);
    expect(options()[0]).toHaveAttribute('aria-selected', 'true');
    expect(options()[0]).not.toHaveTextContent('unread');
    feed.clientWrites(1005, 'Are you there?');
    feed.clientWrites(1007, 'Me too');
    await waitFor(() => expect(options()[0]).toHaveTextContent(nameOf(7)));
    expect(options()[1]).toHaveTextContent(nameOf(5));
    expect(options()[1]).not.toHaveTextContent('unread');
  });

  it('keeps the keyboard on the same client when another one moves to the top', async () => {
    const user = userEvent.setup();
    const { feed } = await renderLive();
    await user.click(screen.getByRole('searchbox'));
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
    expect(activeOption()).toHaveTextContent(nameOf(2));
    feed.clientWrites(1010, 'Hi');
    await waitFor(() => expect(options()[0]).toHaveTextContent(nameOf(10)));
    expect(activeOption()).toHaveTextContent(nameOf(2));
    expect(activeOption()).toHaveAttribute('aria-posinset', '4');
    await user.keyboard('{ArrowUp}');
    expect(activeOption()).toHaveTextContent(nameOf(1));
  });

  it('shows the time of the newest message, which the loaded list does not know yet', async () => {
    const { feed } = await renderLive();
    const written = feed.clientWrites(1020, 'Hi');
    await waitFor(() => expect(options()[0]).toHaveTextContent(nameOf(20)));
    expect(options()[0]!.querySelector('time')).toHaveAttribute('datetime', written.created);
  });
});
