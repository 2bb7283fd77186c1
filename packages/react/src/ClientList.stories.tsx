import type { Meta, StoryObj } from '@storybook/react-vite';
import { useQueryClient } from '@tanstack/react-query';
import { http, HttpResponse } from 'msw';
import { useState, type ReactNode } from 'react';
import { expect, fn, waitFor, within } from 'storybook/test';
import { ClientList } from './ClientList.js';
import { clientDisplayName } from './clientDisplayName.js';
import { makeClient, makeClients } from './test/fixtures.js';
import { expectWidgetsFit, FitGallery } from './test/FitGallery.js';
import { createFakeEventFeed } from './test/fakeEventFeed.js';
import { createConsoleHandlers, createFaultHandlers } from './test/handlers.js';
import { longContentHandlers } from './test/longContent.js';
import { seedClientList } from './test/seedClientList.js';
import { widgetBox } from './test/widgetBox.js';

const meta = {
  title: 'Clients/ClientList',
  component: ClientList,
  args: { onSelect: fn(), onSearchChange: fn() },
  decorators: [widgetBox({ height: 480, maxWidth: 380 })],
} satisfies Meta<typeof ClientList>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The element the listbox names as its active option, if any. */
function activeOption(canvasElement: HTMLElement): HTMLElement | null {
  const id = within(canvasElement).getByRole('listbox').getAttribute('aria-activedescendant');
  return id ? canvasElement.ownerDocument.getElementById(id) : null;
}

/** The rows of every client list under `root` (the tag filter's `<option>`s are options too, outside the listbox). */
const rowsOf = (root: HTMLElement) => within(root).getAllByRole('listbox').flatMap((list) => within(list).getAllByRole('option'));

/** Puts `count` fully loaded clients into the story's cache, as after scrolling to the end. */
function SeededClients({ count, pageSize, children }: { count: number; pageSize: number; children: ReactNode }) {
  const queryClient = useQueryClient();
  useState(() => seedClientList(queryClient, makeClients(count), { pageSize }));
  return children;
}

/** The fake proxy's 120 clients, newest first, one of them selected. */
export const Default: Story = {
  args: { selectedId: 1002 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole('listbox', { name: 'Clients' });
    await expect(canvas.getByText('120 clients')).toBeVisible();
    const selected = within(list).getByRole('option', { selected: true });
    await expect(selected).toHaveAttribute('aria-posinset', '3');
    await expect(selected).toHaveAttribute('aria-setsize', '120');
  },
};

/**
 * Typing a name, while the proxy cannot search names (Chat2Desk has none): the list searches
 * the clients it has loaded, says how many of the account that is, and searches further on
 * request; one request to the proxy, once the operator pauses.
 */
export const Search: Story = {
  play: async ({ canvasElement, userEvent, args }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('listbox');
    await userEvent.type(canvas.getByRole('searchbox', { name: 'Search clients' }), 'Olivia');
    await expect(args.onSearchChange).toHaveBeenLastCalledWith('Olivia');
    await canvas.findByText('Searched 50 of 120 clients');
    const names = rowsOf(canvasElement).map((option) => option.textContent ?? '');
    await expect(names.length).toBeGreaterThan(0);
    await expect(names.every((name) => name.includes('Olivia'))).toBe(true);
    await userEvent.click(canvas.getByRole('button', { name: 'Search more clients' }));
    await canvas.findByText('Searched 100 of 120 clients');
  },
};

/** The same search in Russian: how much was searched, with the plural the count needs. */
export const SearchRu: Story = {
  parameters: { locale: 'ru' },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('listbox');
    await userEvent.type(canvas.getByRole('searchbox', { name: 'Поиск клиентов' }), 'Olivia');
    await canvas.findByText('Поиск по 50 из 120 клиентов');
    await expect(canvas.getByRole('button', { name: 'Искать среди других клиентов' })).toBeVisible();
  },
};

/** Once the proxy can search names itself (a complete client index), its answer is the result. */
export const SearchWithClientIndex: Story = {
  parameters: { msw: { handlers: { console: createConsoleHandlers({ clientIndex: true }) } } },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('listbox');
    await userEvent.type(canvas.getByRole('searchbox', { name: 'Search clients' }), 'Olivia');
    await canvas.findByText('12 clients');
    await expect(rowsOf(canvasElement).every((option) => option.textContent?.includes('Olivia'))).toBe(true);
    await expect(canvas.queryByRole('button', { name: 'Search more clients' })).toBeNull();
  },
};

/** ArrowDown from the search box enters the list; arrows move, Enter picks. */
export const KeyboardSelection: Story = {
  play: async ({ canvasElement, userEvent, args }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('listbox');
    await userEvent.click(canvas.getByRole('searchbox'));
    await userEvent.keyboard('{ArrowDown}');
    await expect(canvas.getByRole('listbox')).toHaveFocus();
    await expect(activeOption(canvasElement)).toHaveAttribute('aria-posinset', '1');
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{ArrowUp}');
    await expect(activeOption(canvasElement)).toHaveAttribute('aria-posinset', '2');
    await userEvent.keyboard('{Enter}');
    await expect(args.onSelect).toHaveBeenCalledWith(makeClient(1));
  },
};

/** What happens in the account while the `LiveActivity` story is open: pushed from its play function. */
const liveFeed = createFakeEventFeed();

/**
 * The event stream at work: a client who writes moves to the top with an unread badge (one not
 * loaded yet is fetched on its own), the keyboard stays on the client it was on, and opening a
 * client clears its badge. The list itself is not asked for again.
 */
export const LiveActivity: Story = {
  parameters: { msw: { handlers: { console: createConsoleHandlers({ feed: liveFeed }) } } },
  play: async ({ canvasElement, userEvent, args }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole('listbox');
    await waitFor(() => expect(liveFeed.connections.some((connection) => connection.open)).toBe(true));
    const top = () => within(list).getAllByRole('option')[0]!;
    await userEvent.click(canvas.getByRole('searchbox'));
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    await expect(activeOption(canvasElement)).toHaveTextContent(clientDisplayName(makeClient(1)));

    liveFeed.clientWrites(1080, 'Hello, is my order ready?');
    await waitFor(() => expect(top()).toHaveTextContent(clientDisplayName(makeClient(80))));
    await expect(top()).toHaveTextContent('1 unread message');
    liveFeed.clientWrites(1004, 'Can I change the address?');
    liveFeed.clientWrites(1004, 'It is urgent');
    await waitFor(() => expect(top()).toHaveTextContent('2 unread messages'));
    await expect(top()).toHaveTextContent(clientDisplayName(makeClient(4)));
    await expect(within(list).getAllByRole('option')[1]).toHaveTextContent(clientDisplayName(makeClient(80)));
    // The keyboard is still on the client it was on, now two rows further down.
    await expect(activeOption(canvasElement)).toHaveTextContent(clientDisplayName(makeClient(1)));
    await expect(activeOption(canvasElement)).toHaveAttribute('aria-posinset', '4');

    await userEvent.click(top());
    await expect(args.onSelect).toHaveBeenCalledWith(makeClient(4));
    await expect(top()).not.toHaveTextContent('unread');
  },
};

/** Waiting for the first page: a skeleton, announced to screen readers. */
export const Loading: Story = {
  parameters: { msw: { handlers: { console: createConsoleHandlers({ latency: 'infinite' }) } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('status')).toHaveTextContent('Loading clients…');
    await expect(canvas.queryByRole('listbox')).toBeNull();
  },
};

/** An account without clients. */
export const Empty: Story = {
  parameters: { msw: { handlers: { console: createConsoleHandlers({ clients: [] }) } } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('No clients yet')).toBeVisible();
  },
};

/** A search that matches nobody says so, naming the search. */
export const NoMatches: Story = {
  args: { defaultSearch: 'Zebediah' },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Nothing matches “Zebediah”')).toBeVisible();
  },
};

/** The proxy fails once: the error and its message, and Retry brings the list back. */
export const ErrorWithRetry: Story = {
  name: 'Error',
  parameters: {
    msw: {
      handlers: {
        console: [
          http.get(
            '/api/clients',
            () => HttpResponse.json({ error: { code: 'upstream_error', message: 'Chat2Desk is unavailable' } }, { status: 502 }),
            { once: true },
          ),
          ...createConsoleHandlers(),
        ],
      },
    },
  },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('Could not load clients');
    await expect(alert).toHaveTextContent('Chat2Desk is unavailable');
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await expect(await canvas.findByRole('listbox')).toBeVisible();
    await expect(canvas.queryByRole('alert')).toBeNull();
  },
};

/**
 * Chat2Desk's monthly API quota is used up (`C2D_SANDBOX_FAULTS=quota`): the list says so and
 * who can fix it, instead of a bare error.
 */
export const QuotaUsedUp: Story = {
  parameters: { msw: { handlers: { console: createFaultHandlers('quota') } } },
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert');
    await expect(alert).toHaveAttribute('data-error-code', 'upstream_quota');
    await expect(alert).toHaveTextContent('Could not load clients');
    await expect(alert).toHaveTextContent("Chat2Desk's monthly API quota for this account is used up");
    await expect(alert).toHaveTextContent('Ask your Chat2Desk admin');
  },
};

/** The quota, in Russian. */
export const QuotaUsedUpRu: Story = {
  parameters: { locale: 'ru', msw: { handlers: { console: createFaultHandlers('quota') } } },
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert');
    await expect(alert).toHaveTextContent('Не удалось загрузить клиентов');
    await expect(alert).toHaveTextContent('Месячная квота запросов к API Chat2Desk для этого аккаунта исчерпана');
    await expect(alert).toHaveTextContent('Попросите администратора Chat2Desk');
  },
};

/** Chat2Desk rejects the proxy's token (`C2D_SANDBOX_FAULTS=bad-token`): the server's admin must fix it. */
export const TokenRejected: Story = {
  parameters: { msw: { handlers: { console: createFaultHandlers('bad-token') } } },
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert');
    await expect(alert).toHaveAttribute('data-error-code', 'upstream_auth');
    await expect(alert).toHaveTextContent("Chat2Desk rejected the console's API token");
    await expect(alert).toHaveTextContent('CHAT2DESK_API_TOKEN');
  },
};

/** The token, in Russian. */
export const TokenRejectedRu: Story = {
  parameters: { locale: 'ru', msw: { handlers: { console: createFaultHandlers('bad-token') } } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('alert')).toHaveTextContent('Chat2Desk отклонил API-токен консоли');
  },
};

/** Chat2Desk is rate-limiting the account (`C2D_SANDBOX_FAULTS=rate-limit`): the proxy's message says when to retry. */
export const RateLimited: Story = {
  parameters: { msw: { handlers: { console: createFaultHandlers('rate-limit') } } },
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert');
    await expect(alert).toHaveAttribute('data-error-code', 'rate_limited');
    await expect(alert).toHaveTextContent('retry in 1 s');
  },
};

const LONG_NAME = 'Александра Константиновна Преображенская-Многоименная, отдел оптовых закупок';

/** Long names end in an ellipsis; hovering shows the full name. */
export const LongNames: Story = {
  parameters: {
    msw: {
      handlers: {
        console: createConsoleHandlers({
          clients: [
            makeClient(0, { name: LONG_NAME, assignedName: null }),
            makeClient(1, { name: null, assignedName: 'Wolfeschlegelsteinhausenbergerdorff Hubert Blaine Jr.' }),
            makeClient(2, { name: null, assignedName: null }),
            makeClient(3),
          ],
        }),
      },
    },
  },
  play: async ({ canvasElement }) => {
    const name = await within(canvasElement).findByTitle(LONG_NAME);
    await expect(getComputedStyle(name).textOverflow).toBe('ellipsis');
    await expect(name.scrollWidth).toBeGreaterThan(name.clientWidth);
    // A client with neither name shows its phone.
    await expect(rowsOf(canvasElement)[2]).toHaveTextContent('+7 701 100-00-14');
  },
};

/**
 * 10,000 clients loaded: the DOM holds only the rows in view (fewer than 60), and End jumps to
 * the last client.
 */
export const TenThousandRows: Story = {
  args: { pageSize: 200 },
  parameters: { msw: { handlers: { console: createConsoleHandlers({ clients: 10_000 }) } } },
  decorators: [
    (Story) => (
      <SeededClients count={10_000} pageSize={200}>
        <Story />
      </SeededClients>
    ),
  ],
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole('listbox');
    await expect(canvas.getByText('10,000 clients')).toBeVisible();
    await expect(rowsOf(canvasElement).length).toBeGreaterThan(5);
    await expect(rowsOf(canvasElement).length).toBeLessThan(60);
    list.focus();
    await userEvent.keyboard('{End}');
    await waitFor(() => expect(activeOption(canvasElement)).toHaveAttribute('aria-posinset', '10000'));
    const last = activeOption(canvasElement)!;
    await expect(last).toHaveTextContent(clientDisplayName(makeClient(9999)));
    await waitFor(() => expect(last.getBoundingClientRect().bottom).toBeLessThanOrEqual(list.getBoundingClientRect().bottom + 1));
    await expect(last.getBoundingClientRect().top).toBeGreaterThanOrEqual(list.getBoundingClientRect().top);
    await expect(rowsOf(canvasElement).length).toBeLessThan(60);
  },
};

/** Dark theme, from `data-c2d-theme="dark"` on an ancestor. */
export const Dark: Story = {
  args: { selectedId: 1001 },
  parameters: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const list = await within(canvasElement).findByRole('listbox');
    await expect(getComputedStyle(list.closest('.c2d')!).backgroundColor).toBe('rgb(23, 25, 29)');
  },
};

/** Russian labels, counts and dates. */
export const Russian: Story = {
  parameters: { locale: 'ru' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('listbox', { name: 'Клиенты' })).toBeVisible();
    await expect(canvas.getByText('120 клиентов')).toBeVisible();
    await expect(canvas.getByRole('searchbox', { name: 'Поиск клиентов' })).toHaveAttribute('placeholder', 'Имя или телефон');
  },
};

/** Each row's name, phone and time, as laid out. */
function rowParts(row: HTMLElement) {
  const part = (selector: string) => row.querySelector<HTMLElement>(selector);
  return { name: part('.c2d-client-row__name')!, phone: part('.c2d-client-row__text'), time: part('time') };
}

/** Rows whose time does not show in full inside the row (their labels). */
function rowsWithHiddenTime(rows: HTMLElement[]): string[] {
  return rows.flatMap((row) => {
    const { time } = rowParts(row);
    const [box, rowBox] = [time?.getBoundingClientRect(), row.getBoundingClientRect()];
    const shows = time && box && box.width > 20 && time.scrollWidth <= time.clientWidth && box.right <= rowBox.right;
    return shows ? [] : [row.textContent ?? ''];
  });
}

/** In a 280 px CRM side panel: smaller avatars; names end in an ellipsis, times stay. */
export const Narrow: Story = {
  parameters: { boxWidth: 280 },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findAllByRole('listbox');
    await expectWidgetsFit(canvasElement);
    await expect(rowsWithHiddenTime(rowsOf(canvasElement))).toEqual([]);
  },
};

/** On a wide screen. */
export const Wide: Story = {
  parameters: { boxWidth: 1200 },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findAllByRole('listbox');
    await expectWidgetsFit(canvasElement);
  },
};

/**
 * At 280, 360 and 768 px, in both languages, with a long name, a link for a name, an emoji run,
 * a long phone and a long word: nothing sticks out; names and phones end in an ellipsis (the
 * full text on hover), and every row's time shows.
 */
export const FitsItsContainer: Story = {
  parameters: { widgetBox: false, msw: { handlers: { console: [...longContentHandlers(), ...createConsoleHandlers()] } } },
  render: (args) => <FitGallery height={400} render={(locale) => <ClientList {...args} locale={locale} />} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getAllByRole('listbox')).toHaveLength(6));
    await expectWidgetsFit(canvasElement);
    await expect(rowsWithHiddenTime(rowsOf(canvasElement))).toEqual([]);
    const narrowRow = rowsOf(canvasElement.querySelector<HTMLElement>('[data-fit-box="280 px · ru"]')!)[1]!;
    const { name, phone } = rowParts(narrowRow);
    await expect(name.scrollWidth).toBeGreaterThan(name.clientWidth);
    await expect(getComputedStyle(name).textOverflow).toBe('ellipsis');
    await expect(getComputedStyle(phone!).textOverflow).toBe('ellipsis');
  },
};

/**
 * The tag filter: a native select beside the count, reached with Tab from the search box. The
 * account's tags are fetched when the operator reaches for it; picking one asks the proxy for
 * the clients with that tag (`tagId`).
 */
export const TagFilter: Story = {
  args: { onTagIdChange: fn() },
  play: async ({ canvasElement, userEvent, args }) => {
    const canvas = within(canvasElement);
    await canvas.findByText('120 clients');
    await userEvent.click(canvas.getByRole('searchbox', { name: 'Search clients' }));
    await userEvent.tab();
    const filter = canvas.getByRole('combobox', { name: 'Filter by tag' });
    await expect(filter).toHaveFocus();
    await within(filter).findByRole('option', { name: 'VIP' });
    await userEvent.selectOptions(filter, 'VIP');
    await expect(args.onTagIdChange).toHaveBeenLastCalledWith(77);
    await canvas.findByText('24 clients');
    await expect(rowsOf(canvasElement)[1]).toHaveTextContent(clientDisplayName(makeClient(5)));
  },
};

/**
 * A name within a tag: the proxy's name search knows no tags, so the list asks for the tagged
 * clients only and searches their names itself, saying how many of them it looked through.
 */
export const TagFilterWithNameSearch: Story = {
  args: { defaultTagId: 77, defaultSearch: 'James', pageSize: 10 },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    await canvas.findByText('Searched 10 of 24 clients');
    await expect(rowsOf(canvasElement).every((row) => row.textContent?.includes('James'))).toBe(true);
    await userEvent.click(canvas.getByRole('button', { name: 'Search more clients' }));
    await canvas.findByText('Searched 20 of 24 clients');
  },
};

/** A tag no client has. */
export const TagFilterNoClients: Story = {
  args: { defaultTagId: 78 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('No clients with this tag')).toHaveAttribute('role', 'status');
    await waitFor(() => expect(canvas.getByRole('combobox', { name: 'Filter by tag' })).toHaveDisplayValue('Опт'));
  },
};

/** The filter in Russian. */
export const TagFilterRu: Story = {
  args: { defaultTagId: 77 },
  parameters: { locale: 'ru' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText('24 клиента');
    await waitFor(() => expect(canvas.getByRole('combobox', { name: 'Фильтр по тегу' })).toHaveDisplayValue('VIP'));
  },
};

const LONG_TAG = 'Постоянный оптовый покупатель Алматинского филиала, скидка по договору';

/** A long tag chosen, at 280, 360 and 768 px in both languages: the select ends in an ellipsis inside the panel. */
export const TagFilterFitsItsContainer: Story = {
  args: { defaultTagId: 77 },
  parameters: {
    widgetBox: false,
    msw: {
      handlers: {
        console: [
          http.get('/api/tags', () =>
            HttpResponse.json({ data: [{ id: 77, label: LONG_TAG, groupId: null, groupName: null, description: null }], meta: { total: 1, limit: 200, offset: 0 } }),
          ),
          ...createConsoleHandlers(),
        ],
      },
    },
  },
  render: (args) => <FitGallery height={400} render={(locale) => <ClientList {...args} locale={locale} />} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getAllByRole('listbox')).toHaveLength(6));
    await waitFor(() => expect(canvas.getAllByDisplayValue(LONG_TAG)).toHaveLength(6));
    await expectWidgetsFit(canvasElement);
  },
};
