import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { MessageHistory } from './MessageHistory.js';
import { makeMessages } from './test/fixtures.js';
import { createErrorHandlers, failOnce } from './test/handlers.js';
import { renderWithConsole } from './test/renderWithConsole.js';
import { retryFromAlert } from './test/retryFromAlert.js';
import { setupConsoleServer, TEST_API_URL } from './test/setupConsoleServer.js';

const baseUrl = TEST_API_URL;
const { server, requests } = setupConsoleServer({ messagesPerClient: 12 });

const texts = () =>
  within(screen.getByRole('log', { name: 'Messages' }))
    .getAllByRole('listitem')
    .map((item) => item.querySelector('.c2d-message__text')?.textContent);

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
    expect(alert).toHaveTextContent('Could not load older messages');
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
    renderWithConsole(<MessageHistory clientId={1001} locale="ru" />);
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
