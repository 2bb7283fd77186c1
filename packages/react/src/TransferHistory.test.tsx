import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { TransferHistory } from './TransferHistory.js';
import { makeTransfers } from './test/fixtures.js';
import { createErrorHandlers, failOnce } from './test/handlers.js';
import { renderWithConsole } from './test/renderWithConsole.js';
import { retryFromAlert } from './test/retryFromAlert.js';
import { setupConsoleServer, TEST_API_URL } from './test/setupConsoleServer.js';
import { ru } from './locales/ru.js';

const baseUrl = TEST_API_URL;
const { server, requests } = setupConsoleServer();

const page = (items: unknown[], offset: number, total: number) => ({ data: items, meta: { total, limit: 2, offset } });

describe('TransferHistory', () => {
  it('lists transfers newest first as from → to with names, reasons and times', async () => {
    renderWithConsole(<TransferHistory clientId={1001} />);
    const list = await screen.findByRole('list', { name: 'Transfer history' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    // The first assignment came from the queue; names resolve, reasons show where given.
    expect(items[0]).toHaveTextContent('Max Turner → to Алия Нурпеисова');
    expect(items[0]).toHaveTextContent('Escalated to supervisor');
    expect(items[2]).toHaveTextContent('Queue → to Олег Смирнов');
    const time = items[0]?.querySelector('time');
    expect(time).toHaveAttribute('dateTime', makeTransfers(1001)[0]?.created);
    expect(time?.getAttribute('title')).toMatch(/2026/);
    expect(requests[0]?.searchParams.get('clientId')).toBe('1001');
  });

  it('falls back to "Operator #id" when a name is unknown', async () => {
    server.use(
      http.get(`${baseUrl}/transfers`, () =>
        HttpResponse.json(
          page([{ ...makeTransfers(1, 1)[0], fromOperatorId: 9, fromOperatorName: null, toOperatorId: 12, toOperatorName: null }], 0, 1),
        ),
      ),
    );
    renderWithConsole(<TransferHistory dialogId={50001} />);
    expect(await screen.findByRole('listitem')).toHaveTextContent('Operator #9 → to Operator #12');
    expect(requests[0]?.searchParams.get('dialogId')).toBe('50001');
  });

  it('pages with "Show more"', async () => {
    const all = makeTransfers(1001, 3);
    server.use(
      http.get(`${baseUrl}/transfers`, ({ request }) => {
        const offset = Number(new URL(request.url).searchParams.get('offset') ?? 0);
        return HttpResponse.json(page(all.slice(offset, offset + 2), offset, 3));
      }),
    );
    const user = userEvent.setup();
    renderWithConsole(<TransferHistory clientId={1001} pageSize={2} />);
    await screen.findByRole('list', { name: 'Transfer history' });
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'Show more' }));
    await screen.findByText('Queue');
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
    expect(screen.queryByRole('button', { name: 'Show more' })).not.toBeInTheDocument();
  });

  it('shows each transfer once when a new one arrives between pages (offsets shift)', async () => {
    const all = makeTransfers(1001, 3);
    server.use(
      http.get(`${baseUrl}/transfers`, ({ request }) => {
        const offset = Number(new URL(request.url).searchParams.get('offset') ?? 0);
        return HttpResponse.json(page(all.slice(offset, offset + 2), offset, all.length));
      }),
    );
    const user = userEvent.setup();
    renderWithConsole(<TransferHistory clientId={1001} pageSize={2} />);
    await screen.findByRole('list', { name: 'Transfer history' });
    all.unshift({ ...makeTransfers(1001, 1)[0]!, id: 999, reason: 'Handed over meanwhile' });
    await user.click(screen.getByRole('button', { name: 'Show more' }));
    await screen.findByText('Queue');
    const ids = screen.getAllByRole('listitem').map((item) => item.textContent);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(3);
  });

  it('keeps the timeline when the next page fails, and retries that page', async () => {
    const all = makeTransfers(1001, 3);
    server.use(
      http.get(`${baseUrl}/transfers`, ({ request }) => {
        const offset = Number(new URL(request.url).searchParams.get('offset') ?? 0);
        return HttpResponse.json(page(all.slice(offset, offset + 2), offset, 3));
      }),
    );
    const user = userEvent.setup();
    renderWithConsole(<TransferHistory clientId={1001} pageSize={2} />);
    await screen.findByRole('list', { name: 'Transfer history' });
    server.use(failOnce('get', `${baseUrl}/transfers`, { status: 504, code: 'upstream_timeout', message: 'Chat2Desk did not answer in time' }));
    await user.click(screen.getByRole('button', { name: 'Show more' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load transfers');
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await screen.findByText('Queue');
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
    expect(requests.at(-1)?.searchParams.get('offset')).toBe('2');
  });

  it('asks for the next page once on a quick double click', async () => {
    // Every request the client starts, also ones cancelled before they reach the network.
    const started: URL[] = [];
    const recordingFetch: typeof fetch = (input, init) => {
      started.push(new URL(String(input)));
      return globalThis.fetch(input, init);
    };
    renderWithConsole(<TransferHistory clientId={1001} pageSize={2} />, { provider: { fetch: recordingFetch } });
    await screen.findByRole('list', { name: 'Transfer history' });
    const more = screen.getByRole('button', { name: 'Show more' });
    fireEvent.click(more);
    fireEvent.click(more);
    await screen.findByText('Queue');
    expect(started.filter((url) => url.searchParams.get('offset') === '2')).toHaveLength(1);
  });

  it('says so when there are no transfers', async () => {
    server.use(http.get(`${baseUrl}/transfers`, () => HttpResponse.json(page([], 0, 0))));
    renderWithConsole(<TransferHistory clientId={1001} locale={ru} />);
    expect(await screen.findByText('Диалог ещё не передавали')).toBeInTheDocument();
  });

  it('shows the error with Retry, and recovers', async () => {
    server.use(...createErrorHandlers({ baseUrl, status: 504, code: 'upstream_timeout', message: 'Chat2Desk did not answer in time' }));
    renderWithConsole(<TransferHistory clientId={1001} />);
    await retryFromAlert({
      title: 'Could not load transfers',
      reason: 'Chat2Desk did not answer in time',
      lift: () => server.resetHandlers(),
    });
    expect(await screen.findByRole('list', { name: 'Transfer history' })).toBeInTheDocument();
  });

  it('asks nothing without an id', () => {
    renderWithConsole(<TransferHistory />);
    expect(requests).toHaveLength(0);
    expect(screen.getByText('No transfers yet')).toBeInTheDocument();
  });
});
