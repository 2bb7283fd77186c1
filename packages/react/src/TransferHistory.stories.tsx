import type { Meta, StoryObj } from '@storybook/react-vite';
import { http, HttpResponse } from 'msw';
import { expect, waitFor, within } from 'storybook/test';
import { makeTransfers } from './test/fixtures.js';
import { expectWidgetsFit, FitGallery } from './test/FitGallery.js';
import { createConsoleHandlers, createErrorHandlers, failOnce } from './test/handlers.js';
import { longContentHandlers } from './test/longContent.js';
import { widgetBox } from './test/widgetBox.js';
import { TransferHistory } from './TransferHistory.js';

const meta = {
  title: 'History/TransferHistory',
  component: TransferHistory,
  args: { clientId: 1001 },
  decorators: [widgetBox({ maxWidth: 380 })],
} satisfies Meta<typeof TransferHistory>;

export default meta;
type Story = StoryObj<typeof meta>;

const list = (items: unknown[], total = items.length, offset = 0) =>
  HttpResponse.json({ data: items, meta: { total, limit: 20, offset } });

/** A client's dialog handed from the queue to operators, newest first. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const timeline = await within(canvasElement).findByRole('list', { name: 'Transfer history' });
    const items = within(timeline).getAllByRole('listitem');
    await expect(items).toHaveLength(3);
    await expect(items[2]).toHaveTextContent('Queue → to Олег Смирнов');
    await expect(items[0]?.querySelector('time')?.getAttribute('title')).toMatch(/2026/);
  },
};

/** While the first page loads. */
export const Loading: Story = {
  parameters: { msw: { handlers: { console: createConsoleHandlers({ latency: 'infinite' }) } } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('status')).toHaveTextContent('Loading transfers');
  },
};

/** A dialog nobody has handed over yet. */
export const Empty: Story = {
  parameters: { msw: { handlers: { console: [http.get('/api/transfers', () => list([]))] } } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('No transfers yet')).toBeVisible();
  },
};

/** The proxy fails; Retry asks again and the timeline appears. */
export const ErrorWithRetry: Story = {
  parameters: {
    msw: {
      handlers: {
        console: [
          failOnce('get', '/api/transfers', { status: 504, code: 'upstream_timeout', message: 'Chat2Desk did not answer in time' }),
          ...createConsoleHandlers(),
        ],
      },
    },
  },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('Chat2Desk did not answer in time');
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await expect(await canvas.findByRole('list', { name: 'Transfer history' })).toBeVisible();
  },
};

/** Unknown operators and long reasons wrap instead of overflowing. */
export const LongReasonsAndUnknownOperators: Story = {
  parameters: {
    msw: {
      handlers: {
        console: [
          http.get('/api/transfers', () =>
            list(
              makeTransfers(1001, 2).map((t, i) => ({
                ...t,
                fromOperatorName: i === 0 ? null : t.fromOperatorName,
                fromOperatorId: i === 0 ? 77 : t.fromOperatorId,
                reason: 'Клиент просит связаться с отделом возвратов по поводу заказа №575393, оплаченного частично бонусами',
              })),
            ),
          ),
        ],
      },
    },
  },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(/Operator #77/)).toBeVisible();
  },
};

/** A long history pages with "Show more". */
export const Paged: Story = {
  args: { pageSize: 2 },
  parameters: { msw: { handlers: { console: createConsoleHandlers() } } },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('list', { name: 'Transfer history' });
    await expect(canvas.getAllByRole('listitem')).toHaveLength(2);
    await userEvent.click(canvas.getByRole('button', { name: 'Show more' }));
    await expect(await canvas.findByText('Queue')).toBeVisible();
  },
};

/** The next page fails: the timeline stays, and Retry asks for that page again. */
export const ShowMoreFails: Story = {
  args: { pageSize: 2 },
  parameters: {
    msw: {
      handlers: {
        console: [
          failOnce('get', '/api/transfers', {
            status: 504,
            code: 'upstream_timeout',
            message: 'Chat2Desk did not answer in time',
            when: (url) => Number(url.searchParams.get('offset') ?? 0) > 0,
          }),
          ...createConsoleHandlers(),
        ],
      },
    },
  },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('list', { name: 'Transfer history' });
    await userEvent.click(canvas.getByRole('button', { name: 'Show more' }));
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('Could not load transfers');
    await expect(canvas.getAllByRole('listitem')).toHaveLength(2);
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await expect(await canvas.findByText('Queue')).toBeVisible();
  },
};

/** Russian labels and relative times. */
export const Russian: Story = {
  parameters: { locale: 'ru' },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('list', { name: 'История передач' })).toBeVisible();
    await expect(within(canvasElement).getByText(/Очередь/)).toBeVisible();
  },
};

/** Dark theme. */
export const Dark: Story = {
  parameters: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('list', { name: 'Transfer history' });
  },
};

/** Errors use the proxy's words, e.g. an expired session. */
export const Unauthorized: Story = {
  parameters: { msw: { handlers: { console: createErrorHandlers({ status: 401, code: 'unauthorized', message: 'Your session has expired: sign in again' }) } } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('alert')).toHaveTextContent('sign in again');
  },
};

/** In a 280 px CRM side panel: each time goes under its route. */
export const Narrow: Story = {
  parameters: { boxWidth: 280 },
  play: async ({ canvasElement }) => {
    const [item] = await within(canvasElement).findAllByRole('listitem');
    await expectWidgetsFit(canvasElement);
    const [route, time] = [item!.querySelector('p')!, item!.querySelector('time')!];
    await expect(time.getBoundingClientRect().top).toBeGreaterThanOrEqual(route.getBoundingClientRect().bottom);
  },
};

/** On a wide screen: the time beside the route. */
export const Wide: Story = {
  parameters: { boxWidth: 1200 },
  play: async ({ canvasElement }) => {
    const [item] = await within(canvasElement).findAllByRole('listitem');
    await expectWidgetsFit(canvasElement);
    const [route, time] = [item!.querySelector('p')!, item!.querySelector('time')!];
    await expect(time.getBoundingClientRect().top).toBeLessThan(route.getBoundingClientRect().bottom);
  },
};

/**
 * At 280, 360 and 768 px, in both languages, with long operator names and reasons holding a link
 * and an emoji run: everything wraps inside the box.
 */
export const FitsItsContainer: Story = {
  parameters: { widgetBox: false, msw: { handlers: { console: [...longContentHandlers(), ...createConsoleHandlers()] } } },
  render: (args) => <FitGallery render={(locale) => <TransferHistory {...args} locale={locale} />} />,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(within(canvasElement).getAllByRole('list')).toHaveLength(6));
    await expectWidgetsFit(canvasElement);
  },
};
