import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { consoleKeys } from '@c2d-console/core';
import { MessageHistory } from './MessageHistory.js';
import { clientDisplayName } from './clientDisplayName.js';
import { makeClient, makeMediaMessages, makeMessages } from './test/fixtures.js';
import { useClientActivity } from './useClientActivity.js';
import { createErrorHandlers, failOnce } from './test/handlers.js';
import { renderWithConsole } from './test/renderWithConsole.js';
import { retryFromAlert } from './test/retryFromAlert.js';
import { setupConsoleServer, TEST_API_URL } from './test/setupConsoleServer.js';
import { ru } from './locales/ru.js';

const baseUrl = TEST_API_URL;
const { server, requests, withFeed } = setupConsoleServer({ messagesPerClient: 12 });

const texts = () =>
  within(screen.getByRole('log', { name: 'Messages' }))
    .getAllByRole('listitem')
    .map((item) => item.querySelector(':scope > p')?.textContent);

describe('MessageHistory', () => {
  it('shows the messages oldest first, newest at the bottom', async () => {
    renderWithConsole(<MessageHistory clientId={1001} />);
    await screen.findByText('Здравствуйте! Где мой заказ?');
    const newestFirst = makeMessages(1001, 12).map((m) => m.text);
    expect(texts()).toEqual(newestFirst.toReversed());
  });

  it('styles and names each kind of message, with its messenger', async () => {
    renderWithConsole(<MessageHistory clientId={1001} />);
    const incoming = (await screen.findByText('Здравствуйте! Где мой заказ?')).closest('li');
    expect(incoming).toHaveClass('c2d-message--in');
    expect(incoming).toHaveTextContent('Client: Здравствуйте!');
    expect(incoming).toHaveTextContent('WhatsApp');
    const outgoing = screen.getByText('Добрый день! Заказ уже в пути, будет завтра.').closest('li');
    expect(outgoing).toHaveClass('c2d-message--out');
    expect(outgoing).toHaveTextContent('Operator:');
    expect(screen.getByText('Диалог передан оператору Max Turner').closest('li')).toHaveClass('c2d-message--system');
    expect(screen.getByText('Клиент постоянный, предложить скидку').closest('li')).toHaveTextContent('Internal note:');
  });

  it('loads older messages on demand', async () => {
    const user = userEvent.setup();
    renderWithConsole(<MessageHistory clientId={1001} pageSize={5} />);
    await waitFor(() => expect(texts()).toHaveLength(5));
    await user.click(screen.getByRole('button', { name: 'Load older messages' }));
    await waitFor(() => expect(texts()).toHaveLength(10));
    expect(requests.at(-1)?.searchParams.get('offset')).toBe('5');
    // Older ones go on top: the newest is still last.
    expect(texts().at(-1)).toBe(makeMessages(1001, 12)[0]?.text);
  });

  it('loads older messages when scrolled to the top', async () => {
    renderWithConsole(<MessageHistory clientId={1001} pageSize={5} />);
    await waitFor(() => expect(texts()).toHaveLength(5));
    // jsdom lays nothing out, so scrollTop is 0: the log is at its top.
    fireEvent.scroll(screen.getByRole('log', { name: 'Messages' }));
    await waitFor(() => expect(texts()).toHaveLength(10));
    expect(requests.at(-1)?.searchParams.get('offset')).toBe('5');
  });

  it('asks for an older page once when the button and a scroll to the top both ask for it', async () => {
    // Every request the client starts, also ones cancelled before they reach the network.
    const started: URL[] = [];
    const recordingFetch: typeof fetch = (input, init) => {
      started.push(new URL(String(input)));
      return globalThis.fetch(input, init);
    };
    renderWithConsole(<MessageHistory clientId={1001} pageSize={5} />, { provider: { fetch: recordingFetch } });
    await waitFor(() => expect(texts()).toHaveLength(5));
    // Focusing the button scrolls the log to its top: the scroll event can arrive before the
    // re-render that marks the page as loading, so both handlers ask. A second ask must join the
    // first, not cancel it (a cancelled failure would vanish and the page be asked for twice).
    fireEvent.click(screen.getByRole('button', { name: 'Load older messages' }));
    fireEvent.scroll(screen.getByRole('log', { name: 'Messages' }));
    await waitFor(() => expect(texts()).toHaveLength(10));
    expect(started.filter((url) => url.searchParams.get('offset') === '5')).toHaveLength(1);
  });

  it('shows each message once when new ones arrive between pages (offsets shift)', async () => {
    const user = userEvent.setup();
    renderWithConsole(<MessageHistory clientId={1001} pageSize={5} />);
    await waitFor(() => expect(texts()).toHaveLength(5));
    // A reply arrives: the newest-first offsets move by one, so the next page repeats a message.
    await fetch(`${baseUrl}/messages`, { method: 'POST', body: JSON.stringify({ clientId: 1001, text: 'Arrived meanwhile' }) });
    await user.click(screen.getByRole('button', { name: 'Load older messages' }));
    await waitFor(() => expect(requests.at(-1)?.searchParams.get('offset')).toBe('5'));
    await waitFor(() => expect(texts()).toHaveLength(9));
    expect(new Set(texts()).size).toBe(9);
    expect(texts()).toEqual(makeMessages(1001, 12).slice(0, 9).map((m) => m.text).toReversed());
  });

  it('says so when older messages fail to load, keeps the loaded ones, and retries', async () => {
    const user = userEvent.setup();
    renderWithConsole(<MessageHistory clientId={1001} pageSize={5} />);
    await waitFor(() => expect(texts()).toHaveLength(5));
    server.use(failOnce('get', `${baseUrl}/clients/:id/messages`, { status: 503, code: 'rate_limited', message: 'Too many requests to Chat2Desk' }));
    await user.click(screen.getByRole('button', { name: 'Load older messages' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load messages');
    expect(alert).toHaveTextContent('Too many requests to Chat2Desk');
    expect(texts()).toHaveLength(5);
    // Scrolling at the top does not retry by itself (that would hammer a rate-limited proxy).
    const asked = requests.length;
    fireEvent.scroll(screen.getByRole('log', { name: 'Messages' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(requests).toHaveLength(asked);
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(texts()).toHaveLength(10));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says so when the client has no messages', async () => {
    server.use(http.get(`${baseUrl}/clients/:id/messages`, () => HttpResponse.json({ data: [], meta: { total: 0, limit: 30, offset: 0 } })));
    renderWithConsole(<MessageHistory clientId={1001} locale={ru} />);
    expect(await screen.findByText('Сообщений пока нет')).toBeInTheDocument();
  });

  it('shows the error with Retry, and recovers', async () => {
    server.use(...createErrorHandlers({ baseUrl, status: 404, code: 'not_found', message: 'Client 1001 not found' }));
    renderWithConsole(<MessageHistory clientId={1001} />);
    await retryFromAlert({ title: 'Could not load messages', reason: 'Client 1001 not found', lift: () => server.resetHandlers() });
    expect(await screen.findByText('Здравствуйте! Где мой заказ?')).toBeInTheDocument();
  });

  it('is a focusable, named log so keyboard users can scroll it', async () => {
    renderWithConsole(<MessageHistory clientId={1001} />);
    const log = screen.getByRole('log', { name: 'Messages' });
    expect(log).toHaveAttribute('tabindex', '0');
    await screen.findByText('Здравствуйте! Где мой заказ?');
  });
});

describe('MessageHistory attachments and message kinds', () => {
  const FILES = 'https://files.example.kz/media';
  /** Renders the history of client 1001 holding one message of each kind ({@link makeMediaMessages}). */
  async function renderMedia(ui = <MessageHistory clientId={1001} />) {
    const messages = makeMediaMessages(1001);
    server.use(
      http.get(`${baseUrl}/clients/:id/messages`, () =>
        HttpResponse.json({ data: messages, meta: { total: messages.length, limit: 30, offset: 0 } }),
      ),
    );
    const rendered = renderWithConsole(ui);
    await waitFor(() => expect(document.querySelectorAll('.c2d-message')).toHaveLength(messages.length));
    return rendered;
  }
  const log = () => within(screen.getByRole('log', { name: /Messages|Сообщения/ }));

  it('shows a photo as a lazy thumbnail with alt text, linking to the full picture in a new tab', async () => {
    await renderMedia();
    const link = log().getByRole('link', { name: 'Photo (full size, new tab)' });
    expect(link).toHaveAttribute('href', `${FILES}/harbour.svg`);
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    const image = within(link).getByRole('img', { name: 'Photo' });
    expect(image).toHaveAttribute('loading', 'lazy');
    expect(image).toHaveAttribute('src', `${FILES}/harbour.svg`);
    // A photo alone has no empty text line under it.
    expect(link.closest('li')?.querySelector(':scope > p')).toBeNull();
  });

  it('shows a file named like a picture as a photo, with its name and caption', async () => {
    await renderMedia();
    const link = log().getByRole('link', { name: 'Photo scan.png (full size, new tab)' });
    expect(link).toHaveAttribute('href', `${FILES}/files/5501`);
    expect(link.closest('li')).toHaveTextContent('Вот скан паспорта');
  });

  it('links a PDF and a document by their file names', async () => {
    await renderMedia();
    const pdf = log().getByRole('link', { name: 'PDF invoice-1042.pdf (new tab)' });
    expect(pdf).toHaveAttribute('href', `${FILES}/invoice-1042.pdf`);
    expect(pdf).toHaveAttribute('target', '_blank');
    expect(pdf.closest('li')).toHaveClass('c2d-message--out');
    expect(log().getByRole('link', { name: 'DOCX contract.docx (new tab)' })).toHaveAttribute('href', `${FILES}/files/5502`);
  });

  it('plays audio and video in native players that load nothing until played', async () => {
    await renderMedia();
    const audio = log().getByLabelText('Audio message');
    expect(audio.tagName).toBe('AUDIO');
    expect(audio).toHaveAttribute('controls');
    expect(audio).toHaveAttribute('preload', 'none');
    expect(audio).toHaveAttribute('src', `${FILES}/voice-77.ogg`);
    const video = log().getByLabelText('Video');
    expect(video.tagName).toBe('VIDEO');
    expect(video).toHaveAttribute('controls');
    expect(video).toHaveAttribute('preload', 'none');
  });

  it('links a shared place to a map at its coordinates, or to the map the host gives', async () => {
    const { unmount } = await renderMedia();
    const place = log().getByRole('link', { name: 'Location: 43.23895, 76.88971 (new tab)' });
    expect(place).toHaveAttribute('href', 'https://www.openstreetmap.org/?mlat=43.238949&mlon=76.889709#map=16/43.238949/76.889709');
    unmount();
    await renderMedia(
      <MessageHistory clientId={1001} mapUrl={({ latitude, longitude }) => `https://yandex.ru/maps/?pt=${longitude},${latitude}&z=16`} />,
    );
    expect(log().getByRole('link', { name: /^Location:/ })).toHaveAttribute('href', 'https://yandex.ru/maps/?pt=76.889709,43.238949&z=16');
  });

  it('shows a type the console does not know as a muted system line naming it, with its text', async () => {
    await renderMedia();
    const line = log().getByText('Unsupported message (interactive): see it in Chat2Desk').closest('li');
    expect(line).toHaveClass('c2d-message--system', 'c2d-message--unknown');
    expect(line).toHaveTextContent('Выберите: Да / Нет');
    // A known system line is not marked.
    expect(log().getByText('Диалог передан оператору Max Turner').closest('li')).not.toHaveClass('c2d-message--unknown');
  });

  it('labels a note visibly, not by its colour alone', async () => {
    await renderMedia();
    const note = log().getByText('Клиент постоянный, предложить скидку').closest('li');
    expect(note).toHaveClass('c2d-message--note');
    expect(note?.querySelector(':scope > b')).toHaveTextContent('Internal note');
    expect(note?.querySelector(':scope > b')).toBeVisible();
  });

  it('speaks Russian', async () => {
    await renderMedia(<MessageHistory clientId={1001} locale={ru} />);
    expect(log().getByRole('link', { name: 'Фото (в полном размере, в новой вкладке)' })).toBeInTheDocument();
    expect(log().getByRole('link', { name: 'PDF invoice-1042.pdf (в новой вкладке)' })).toBeInTheDocument();
    expect(log().getByLabelText('Аудиосообщение')).toBeInTheDocument();
    expect(log().getByLabelText('Видео')).toBeInTheDocument();
    expect(log().getByRole('link', { name: /^Геопозиция: 43\.23895/ })).toBeInTheDocument();
    expect(log().getByText('Неподдерживаемое сообщение (interactive): откройте его в Chat2Desk')).toBeInTheDocument();
    expect(log().getByText('Заметка')).toBeInTheDocument();
  });

  it('never makes a link or a source of an address that is not a web address', async () => {
    const messages = [
      { ...makeMessages(1001, 1)[0]!, attachments: [{ url: 'javascript:alert(1)', kind: 'photo' as const, name: 'trap.jpg' }] },
    ];
    server.use(
      http.get(`${baseUrl}/clients/:id/messages`, () => HttpResponse.json({ data: messages, meta: { total: 1, limit: 30, offset: 0 } })),
    );
    renderWithConsole(<MessageHistory clientId={1001} />);
    expect(await screen.findByText('trap.jpg')).toBeInTheDocument();
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.queryByRole('img')).toBeNull();
  });
});

/** The visually hidden region MessageHistory announces new messages in. */
const announcer = () => {
  const region = document.querySelector('.c2d-messages [aria-live="polite"]');
  if (!region) throw new Error('MessageHistory has no polite live region');
  return region;
};

/**
 * jsdom lays nothing out: gives the log a 400 px viewport over 2,000 px of messages, and a
 * scrollTop that keeps what is set.
 */
function layOut(log: HTMLElement, { scrollTop }: { scrollTop: number }) {
  let top = scrollTop;
  Object.defineProperties(log, {
    scrollHeight: { configurable: true, get: () => 2000 },
    clientHeight: { configurable: true, get: () => 400 },
    scrollTop: {
      configurable: true,
      get: () => top,
      set: (value: number) => {
        top = Math.min(value, 1600);
      },
    },
  });
  fireEvent.scroll(log);
}

describe('MessageHistory with the event stream', () => {
  /** Renders `ui` (the history of client 1001) and waits until it shows `count` messages and the stream is open. */
  async function renderLive(ui = <MessageHistory clientId={1001} />, count = 12) {
    const feed = withFeed();
    const rendered = renderWithConsole(ui);
    await waitFor(() => expect(document.querySelectorAll('.c2d-message')).toHaveLength(count));
    await waitFor(() => expect(feed.connections).toHaveLength(1));
    return { feed, ...rendered };
  }

  it('shows a new message from the client at once and announces it politely, once, with the name', async () => {
    const { feed, queryClient } = await renderLive();
    queryClient.setQueryData(consoleKeys.client(1001), makeClient(1));
    feed.clientWrites(1001, 'Is my parcel on its way?');
    await waitFor(() => expect(texts().at(-1)).toBe('Is my parcel on its way?'));
    expect(announcer()).toHaveTextContent(`New message from ${clientDisplayName(makeClient(1))}: Is my parcel on its way?`);
    // The log itself does not announce too (it would also read out every older page).
    expect(screen.getByRole('log', { name: 'Messages' })).toHaveAttribute('aria-live', 'off');
  });

  it('announces in Russian, and several messages at once by their count', async () => {
    const { feed } = await renderLive(<MessageHistory clientId={1001} locale={ru} />);
    feed.clientWrites(1001, 'Алло?');
    await waitFor(() => expect(announcer()).toHaveTextContent('Новое сообщение от клиента: Алло?'));
    feed.clientWrites(1001, 'Вы тут?');
    feed.clientWrites(1001, 'Ответьте, пожалуйста');
    await waitFor(() => expect(announcer()).toHaveTextContent('2 новых сообщения'));
  });

  it('announces a message without text by what it carries', async () => {
    const { feed } = await renderLive();
    const voice = makeMediaMessages(1001).find((message) => message.attachments[0]?.kind === 'audio');
    const { id: _id, clientId: _clientId, ...fields } = voice!;
    const message = feed.add(1001, { ...fields, created: new Date().toISOString() });
    feed.push({
      type: 'message',
      time: message.created,
      data: { kind: 'inbox', clientId: 1001, dialogId: message.dialogId, messageId: message.id, messageType: 'from_client', text: '' },
    });
    await waitFor(() => expect(announcer()).toHaveTextContent('New message from the client: Audio message'));
  });

  it("announces neither the operators' messages nor older pages", async () => {
    const user = userEvent.setup();
    const { feed } = await renderLive(<MessageHistory clientId={1001} pageSize={5} />, 5);
    feed.operatorReplies(1001, 'Replied in the Chat2Desk frame');
    await waitFor(() => expect(texts().at(-1)).toBe('Replied in the Chat2Desk frame'));
    await user.click(screen.getByRole('button', { name: 'Load older messages' }));
    await waitFor(() => expect(texts()).toHaveLength(10));
    expect(announcer().textContent).toBe('');
  });

  it('stays where the reader scrolled up to, and offers the new messages below', async () => {
    const user = userEvent.setup();
    const { feed } = await renderLive();
    const log = screen.getByRole('log', { name: 'Messages' });
    layOut(log, { scrollTop: 500 });
    feed.clientWrites(1001, 'One more thing');
    feed.operatorReplies(1001, 'Yes?');
    const button = await screen.findByRole('button', { name: '2 new messages' });
    expect(texts().slice(-2)).toEqual(['One more thing', 'Yes?']);
    expect(log.scrollTop).toBe(500);
    await user.click(button);
    expect(log.scrollTop).toBe(1600);
    expect(log).toHaveFocus();
    expect(screen.queryByRole('button', { name: /new message/ })).not.toBeInTheDocument();
  });

  it('drops the offer once the reader scrolls down by themselves', async () => {
    const { feed } = await renderLive();
    const log = screen.getByRole('log', { name: 'Messages' });
    layOut(log, { scrollTop: 500 });
    feed.clientWrites(1001, 'One more thing');
    await screen.findByRole('button', { name: '1 new message' });
    log.scrollTop = 1600;
    fireEvent.scroll(log);
    await waitFor(() => expect(screen.queryByRole('button', { name: /new message/ })).not.toBeInTheDocument());
  });

  it('follows new messages while the reader is at the bottom', async () => {
    const { feed } = await renderLive();
    const log = screen.getByRole('log', { name: 'Messages' });
    layOut(log, { scrollTop: 1600 });
    feed.clientWrites(1001, 'One more thing');
    await waitFor(() => expect(texts().at(-1)).toBe('One more thing'));
    expect(log.scrollTop).toBe(1600);
    expect(screen.queryByRole('button', { name: /new message/ })).not.toBeInTheDocument();
  });

  it("counts the client's messages as read while its history is open", async () => {
    function Unread({ clientId }: { clientId: number }) {
      return <output aria-label={`unread ${clientId}`}>{useClientActivity().activity.get(clientId)?.unread ?? 0}</output>;
    }
    const { feed } = await renderLive(
      <>
        <MessageHistory clientId={1001} />
        <Unread clientId={1001} />
        <Unread clientId={1002} />
      </>,
    );
    feed.clientWrites(1001, 'Hello?');
    feed.clientWrites(1002, 'Hello from another client');
    await waitFor(() => expect(screen.getByRole('status', { name: 'unread 1002' })).toHaveTextContent('1'));
    await waitFor(() => expect(texts().at(-1)).toBe('Hello?'));
    expect(screen.getByRole('status', { name: 'unread 1001' })).toHaveTextContent('0');
  });
});
