import type { Message } from '@c2d-console/core';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { http, HttpResponse } from 'msw';
import { expect, waitFor, within } from 'storybook/test';
import { MessageHistory } from './MessageHistory.js';
import { SendMessageForm } from './SendMessageForm.js';
import { makeMediaMessages, makeMessages } from './test/fixtures.js';
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
    await expect(alert).toHaveTextContent('Could not load messages');
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

/**
 * The history of client 1002 as one message of each kind ({@link makeMediaMessages}), or those
 * `pick` keeps; its files are served from this origin (`/media/harbour.svg` is a real picture,
 * the rest answer 404 as a file gone from Chat2Desk would).
 */
function mediaHistory(pick: (message: Message) => boolean = () => true) {
  const messages = makeMediaMessages(1002, window.location.origin).filter(pick);
  return {
    msw: {
      handlers: {
        console: [
          http.get('/api/clients/:id/messages', () =>
            HttpResponse.json({ data: messages, meta: { total: messages.length, limit: 30, offset: 0 } }),
          ),
          ...createConsoleHandlers(),
        ],
      },
    },
  };
}
const kindOf = (message: Message) => message.attachments[0]?.kind;

/**
 * Photos are thumbnails of a fixed 4:3 box, loaded lazily: a picture that loads late, or never
 * (the second one is gone), takes the same room. Each opens full size in a new tab, and Tab
 * reaches them from the history.
 */
export const Photos: Story = {
  parameters: mediaHistory((message) => message.attachments.some((a) => a.name === 'scan.png' || a.kind === 'photo')),
  play: async ({ canvasElement, userEvent }) => {
    const scroller = log(canvasElement);
    const photo = await within(scroller).findByRole('link', { name: 'Photo (full size, new tab)' });
    const missing = within(scroller).getByRole('link', { name: 'Photo scan.png (full size, new tab)' });
    await expect(photo).toHaveAttribute('href', `${window.location.origin}/media/harbour.svg`);
    await expect(photo).toHaveAttribute('target', '_blank');
    const image = within(photo).getByRole('img', { name: 'Photo' }) as HTMLImageElement;
    await expect(image).toHaveAttribute('loading', 'lazy');
    await waitFor(() => expect(image.naturalWidth).toBeGreaterThan(0));
    const ratio = (box: Element) => box.getBoundingClientRect().width / box.getBoundingClientRect().height;
    await expect(ratio(photo)).toBeCloseTo(4 / 3, 1);
    await expect(ratio(missing)).toBeCloseTo(4 / 3, 1);
    scroller.focus();
    await userEvent.tab();
    await expect(missing).toHaveFocus();
    await userEvent.tab();
    await expect(photo).toHaveFocus();
  },
};

/** A PDF from the operator and a document from the client: links named by their files. */
export const Files: Story = {
  parameters: mediaHistory((message) => kindOf(message) === 'pdf' || message.attachments[0]?.name === 'contract.docx'),
  play: async ({ canvasElement }) => {
    const scroller = log(canvasElement);
    const pdf = await within(scroller).findByRole('link', { name: 'PDF invoice-1042.pdf (new tab)' });
    await expect(pdf).toBeVisible();
    await expect(pdf).toHaveTextContent('PDF');
    await expect(within(scroller).getByText('Счёт на оплату')).toBeVisible();
    const document = within(scroller).getByRole('link', { name: 'DOCX contract.docx (new tab)' });
    await expect(document).toHaveTextContent('DOCX');
  },
};

/** A voice note and a video: native players, with nothing fetched until the operator plays one. */
export const AudioAndVideo: Story = {
  parameters: mediaHistory((message) => kindOf(message) === 'audio' || kindOf(message) === 'video'),
  play: async ({ canvasElement }) => {
    const scroller = log(canvasElement);
    const audio = (await within(scroller).findByLabelText('Audio message')) as HTMLAudioElement;
    const video = within(scroller).getByLabelText('Video') as HTMLVideoElement;
    await expect(video).toBeVisible();
    await expect(audio).toBeVisible();
    // Nothing was loaded: not even the metadata.
    const state = (player: HTMLMediaElement) => ({ controls: player.controls, preload: player.preload, readyState: player.readyState });
    const untouched = { controls: true, preload: 'none', readyState: HTMLMediaElement.HAVE_NOTHING };
    await expect([state(audio), state(video)]).toEqual([untouched, untouched]);
    const { width, height } = video.getBoundingClientRect();
    await expect(width / height).toBeCloseTo(16 / 9, 1);
  },
};

/** A place the client shared: a link to a map at its coordinates. */
export const SharedPlace: Story = {
  parameters: mediaHistory((message) => message.location !== null),
  play: async ({ canvasElement }) => {
    const place = await within(log(canvasElement)).findByRole('link', { name: 'Location: 43.23895, 76.88971 (new tab)' });
    await expect(place).toBeVisible();
    await expect(place.getAttribute('href')).toContain('openstreetmap.org/?mlat=43.238949&mlon=76.889709');
  },
};

/** A message type Chat2Desk added that the console does not know: a quiet line naming it, beside a known system line. */
export const UnknownTypes: Story = {
  parameters: mediaHistory((message) => message.type === 'system'),
  play: async ({ canvasElement }) => {
    const scroller = log(canvasElement);
    const unknown = (await within(scroller).findByText('Unsupported message (interactive): see it in Chat2Desk')).closest('li')!;
    const known = within(scroller).getByText('Диалог передан оператору Max Turner').closest('li')!;
    const bubble = (item: Element) => getComputedStyle(item);
    await expect(bubble(unknown).fontStyle).toBe('italic');
    await expect(bubble(unknown).color).not.toBe(bubble(known).color);
  },
};

/** A note says "Internal note" over its text and has its own colour, apart from system lines. */
export const Notes: Story = {
  parameters: mediaHistory((message) => message.type === 'comment' || message.rawType === 'system'),
  play: async ({ canvasElement }) => {
    const scroller = log(canvasElement);
    const note = (await within(scroller).findByText('Клиент постоянный, предложить скидку')).closest('li')!;
    const system = within(scroller).getByText('Диалог передан оператору Max Turner').closest('li')!;
    await expect(within(note).getByText('Internal note')).toBeVisible();
    const background = (item: Element) => getComputedStyle(item).backgroundColor;
    await expect(background(note)).not.toBe(background(system));
  },
};

/** Every kind in Russian, in the dark theme. */
export const AttachmentsRussian: Story = {
  parameters: { ...mediaHistory(), locale: 'ru', theme: 'dark' },
  play: async ({ canvasElement }) => {
    const scroller = await within(canvasElement).findByRole('log', { name: 'Сообщения' });
    await expect(await within(scroller).findByRole('link', { name: 'Фото (в полном размере, в новой вкладке)' })).toBeVisible();
    await expect(within(scroller).getByRole('link', { name: 'PDF invoice-1042.pdf (в новой вкладке)' })).toBeInTheDocument();
    await expect(within(scroller).getByLabelText('Аудиосообщение')).toBeInTheDocument();
    await expect(within(scroller).getByRole('link', { name: /^Геопозиция: 43\.23895, 76\.88971/ })).toBeInTheDocument();
    await expect(within(scroller).getByText('Заметка')).toBeInTheDocument();
  },
};

/** At 280, 360 and 768 px, in both languages: thumbnails, players and file names stay inside their bubbles. */
export const AttachmentsFitTheirContainer: Story = {
  parameters: { ...mediaHistory(), widgetBox: false },
  render: (args) => <FitGallery height={360} render={(locale) => <MessageHistory {...args} locale={locale} />} />,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelectorAll('.c2d-message')).toHaveLength(60));
    await expectWidgetsFit(canvasElement);
  },
};
