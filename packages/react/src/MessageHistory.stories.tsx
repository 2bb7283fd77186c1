import type { Meta, StoryObj } from '@storybook/react-vite';
import { http, HttpResponse } from 'msw';
import { expect, waitFor, within } from 'storybook/test';
import { MessageHistory } from './MessageHistory.js';
import { SendMessageForm } from './SendMessageForm.js';
import { makeMessages } from './test/fixtures.js';
import { expectWidgetsFit, FitGallery } from './test/FitGallery.js';
import { createFakeEventFeed } from './test/fakeEventFeed.js';
import { createConsoleHandlers, failOnce } from './test/handlers.js';
import { LONG_CLIENT_ID, longContentHandlers } from './test/longContent.js';
import { widgetBox } from './test/widgetBox.js';

const meta = {
  title: 'History/MessageHistory',
  component: MessageHistory,
  args: { clientId: 1002 },
  decorators: [widgetBox({ height: 460, maxWidth: 420, display: 'flex', flexDirection: 'column' })],
} satisfies Meta<typeof MessageHistory>;

export default meta;
type Story = StoryObj<typeof meta>;

const log = (canvasElement: HTMLElement) => within(canvasElement).getByRole('log', { name: 'Messages' });

/** Opens at the newest message; incoming left, outgoing right, system and notes centred. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findAllByText('Здравствуйте! Где мой заказ?');
    const scroller = log(canvasElement);
    await waitFor(() => expect(scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight).toBeLessThan(2));
    const newest = makeMessages(1002, 30)[0]?.text ?? '';
    await expect(canvas.getByText(newest)).toBeVisible();
  },
};

/** Scrolling to the top loads older messages and keeps the reader's place. */
export const LoadOlderOnScroll: Story = {
  args: { pageSize: 10 },
  play: async ({ canvasElement }) => {
    const scroller = log(canvasElement);
    await waitFor(() => expect(within(scroller).getAllByRole('listitem')).toHaveLength(10));
    const anchor = within(scroller).getAllByRole('listitem')[0] as HTMLElement;
    scroller.scrollTop = 0;
    scroller.dispatchEvent(new Event('scroll'));
    await waitFor(() => expect(within(scroller).getAllByRole('listitem')).toHaveLength(20));
    // The message that was on top is still in view: older ones went above it.
    const top = anchor.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
    await expect(top).toBeGreaterThanOrEqual(0);
    await expect(top).toBeLessThan(scroller.clientHeight);
  },
};

/** What happens in the account while the `NewMessagesWhileScrolledUp` story is open: pushed from its play function. */
const liveFeed = createFakeEventFeed();

/**
 * The event stream brings new messages while the operator reads further up: what they read
 * stays where it is on screen, and "2 new messages" scrolls down; the client's message is
 * announced politely to screen readers.
 */
export const NewMessagesWhileScrolledUp: Story = {
  parameters: { msw: { handlers: { console: createConsoleHandlers({ feed: liveFeed }) } } },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    const scroller = log(canvasElement);
    await waitFor(() => expect(within(scroller).getAllByRole('listitem')).toHaveLength(30));
    await waitFor(() => expect(liveFeed.connections.some((connection) => connection.open)).toBe(true));
    // Scrolled up, not to the very top (that would load older messages).
    await waitFor(() => expect(scroller.scrollTop).toBeGreaterThan(300));
    scroller.scrollTop = 200;
    scroller.dispatchEvent(new Event('scroll'));

    // The message at the top of the view, and where it is on screen.
    const inView = [...scroller.querySelectorAll<HTMLElement>('li')].find((item) => item.offsetTop + item.offsetHeight > scroller.scrollTop)!;
    const placeOf = (item: HTMLElement) => item.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
    const place = placeOf(inView);

    liveFeed.clientWrites(1002, 'Is my parcel on its way?');
    liveFeed.operatorReplies(1002, 'Checking, one moment');
    const button = await canvas.findByRole('button', { name: '2 new messages' });
    await expect(within(scroller).getByText('Checking, one moment')).toBeInTheDocument();
    // The history did not move under the reader's eyes.
    await expect(placeOf(inView)).toBeCloseTo(place, 0);
    await expect(canvasElement.querySelector('[aria-live="polite"]')).toHaveTextContent('New message from the client: Is my parcel on its way?');

    await userEvent.click(button);
    await waitFor(() => expect(scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight).toBeLessThan(2));
    await expect(within(scroller).getByText('Checking, one moment')).toBeVisible();
    await expect(scroller).toHaveFocus();
    await expect(canvas.queryByRole('button', { name: /new message/ })).toBeNull();
  },
};

/** While the history loads. */
export const Loading: Story = {
  parameters: { msw: { handlers: { console: createConsoleHandlers({ latency: 'infinite' }) } } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('status')).toHaveTextContent('Loading messages');
  },
};

/** A client who never wrote. */
export const Empty: Story = {
  parameters: {
    msw: {
      handlers: {
        console: [http.get('/api/clients/:id/messages', () => HttpResponse.json({ data: [], meta: { total: 0, limit: 30, offset: 0 } }))],
      },
    },
  },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('No messages yet')).toBeVisible();
  },
};

/** The proxy fails; Retry recovers. */
export const ErrorWithRetry: Story = {
  parameters: {
    msw: {
      handlers: {
        console: [
          failOnce('get', '/api/clients/:id/messages', { status: 502, code: 'upstream_error', message: 'Chat2Desk answered with an error' }),
          ...createConsoleHandlers(),
        ],
      },
    },
  },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('Could not load messages');
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await expect(await canvas.findByText('Здравствуйте! Где мой заказ?')).toBeVisible();
  },
};

/** Older messages fail to load: what is loaded stays, and Retry asks for that page again. */
export const LoadOlderFails: Story = {
  args: { pageSize: 10 },
  parameters: {
    msw: {
      handlers: {
        console: [
          failOnce('get', '/api/clients/:id/messages', {
            status: 429,
            code: 'rate_limited',
            message: 'Too many requests to Chat2Desk, wait a moment',
            when: (url) => Number(url.searchParams.get('offset') ?? 0) > 0,
          }),
          ...createConsoleHandlers(),
        ],
      },
    },
  },
  play: async ({ canvasElement, userEvent }) => {
    const scroller = log(canvasElement);
    await waitFor(() => expect(within(scroller).getAllByRole('listitem')).toHaveLength(10));
    await userEvent.click(within(scroller).getByRole('button', { name: 'Load older messages' }));
    const alert = await within(scroller).findByRole('alert');
    await expect(alert).toHaveTextContent('Could not load older messages');
    await expect(within(scroller).getAllByRole('listitem')).toHaveLength(10);
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(within(scroller).getAllByRole('listitem')).toHaveLength(20));
  },
};

/** Long words and many lines wrap inside the bubble. */
export const LongTexts: Story = {
  parameters: {
    msw: {
      handlers: {
        console: [
          http.get('/api/clients/:id/messages', () =>
            HttpResponse.json({
              data: makeMessages(1002, 3).map((m, i) => ({
                ...m,
                text: i === 0 ? `https://example.com/${'very-long-tracking-path-'.repeat(8)}` : 'Строка один\nСтрока два\nСтрока три',
              })),
              meta: { total: 3, limit: 30, offset: 0 },
            }),
          ),
        ],
      },
    },
  },
  play: async ({ canvasElement }) => {
    const scroller = await within(canvasElement).findByRole('log');
    await within(scroller).findAllByText(/Строка один/);
    await expect(scroller.scrollWidth).toBeLessThanOrEqual(scroller.clientWidth);
  },
};

/** Russian labels. */
export const Russian: Story = {
  parameters: { locale: 'ru' },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('log', { name: 'Сообщения' })).toBeVisible();
  },
};

/** Dark theme. */
export const Dark: Story = {
  parameters: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findAllByText('Здравствуйте! Где мой заказ?');
  },
};

/** The history with the send form under it: type, press Enter, and the message appears. */
export const Conversation: Story = {
  render: (args) => (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 8, height: '100%' }}>
      <div style={{ flex: 1, minHeight: 0 }}>
        <MessageHistory {...args} />
      </div>
      <SendMessageForm clientId={args.clientId} />
    </div>
  ),
  parameters: { msw: { handlers: { console: createConsoleHandlers() } } },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    await canvas.findAllByText('Здравствуйте! Где мой заказ?');
    await userEvent.type(canvas.getByRole('textbox', { name: 'Message' }), 'Your parcel left the warehouse{Enter}');
    await waitFor(() => expect(within(log(canvasElement)).getByText('Your parcel left the warehouse')).toBeVisible());
    // Confirmed by the proxy: no longer marked as sending.
    await waitFor(() =>
      expect(within(log(canvasElement)).getByText('Your parcel left the warehouse').closest('li')).not.toHaveAttribute('data-status'),
    );
    await expect(canvas.getByRole('textbox', { name: 'Message' })).toHaveValue('');
  },
};

/** In a 280 px CRM side panel: bubbles take more of the width. */
export const Narrow: Story = {
  parameters: { boxWidth: 280 },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findAllByText('Здравствуйте! Где мой заказ?');
    await expectWidgetsFit(canvasElement);
  },
};

/** On a wide screen. */
export const Wide: Story = {
  parameters: { boxWidth: 1200 },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findAllByText('Здравствуйте! Где мой заказ?');
    await expectWidgetsFit(canvasElement);
  },
};

/**
 * At 280, 360 and 768 px, in both languages, with a 120-character link, a long phone, an emoji
 * run and a long word in the messages: every bubble wraps inside the box.
 */
export const FitsItsContainer: Story = {
  args: { clientId: LONG_CLIENT_ID },
  parameters: { widgetBox: false, msw: { handlers: { console: [...longContentHandlers(), ...createConsoleHandlers()] } } },
  render: (args) => <FitGallery height={360} render={(locale) => <MessageHistory {...args} locale={locale} />} />,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelectorAll('.c2d-message')).toHaveLength(60));
    await expectWidgetsFit(canvasElement);
  },
};
