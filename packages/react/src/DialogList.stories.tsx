import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, waitFor, within } from 'storybook/test';
import { DialogList } from './DialogList.js';
import { expectWidgetsFit, FitGallery } from './test/FitGallery.js';
import { createConsoleHandlers, createFaultHandlers, failOnce } from './test/handlers.js';
import { longContentHandlers } from './test/longContent.js';
import { rowsWithHiddenTime } from './test/rowsWithHiddenTime.js';
import { widgetBox } from './test/widgetBox.js';

const meta = {
  title: 'Dialogs/DialogList',
  component: DialogList,
  args: { operatorId: 2, onSelect: fn(), onStateChange: fn(), onAssigneeChange: fn() },
  decorators: [widgetBox({ height: 480, maxWidth: 380 })],
} satisfies Meta<typeof DialogList>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The element the listbox names as its active option, if any. */
function activeOption(canvasElement: HTMLElement): HTMLElement | null {
  const id = within(canvasElement).getByRole('listbox').getAttribute('aria-activedescendant');
  return id ? canvasElement.ownerDocument.getElementById(id) : null;
}

/** The operator's own open dialogs ("Mine", the default with an `operatorId`), one selected. */
export const Default: Story = {
  args: { selectedId: 51_004 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole('listbox', { name: 'Dialogs' });
    await expect(canvas.getByRole('radio', { name: 'Open' })).toBeChecked();
    await expect(canvas.getByRole('radio', { name: 'Mine' })).toBeChecked();
    await waitFor(() => expect(within(list).getAllByRole('option').every((row) => row.textContent?.includes('Max Turner'))).toBe(true));
    await expect(within(list).getByRole('option', { selected: true })).toHaveTextContent('Olivia Касымова');
  },
};

/** Without the operator's id: no "Mine", every open dialog, whoever holds it. */
export const EveryOperator: Story = {
  args: { operatorId: undefined },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('listbox');
    await expect(canvas.queryByRole('radio', { name: 'Mine' })).toBeNull();
    await expect(canvas.getByRole('radio', { name: 'All' })).toBeChecked();
    await expect(await canvas.findAllByText('Unassigned', { selector: '.c2d-dialog-row__operator' })).not.toHaveLength(0);
  },
};

/** The filters are native radio groups: closed dialogs without an operator. */
export const Filters: Story = {
  play: async ({ canvasElement, userEvent, args }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('listbox');
    await userEvent.click(canvas.getByRole('radio', { name: 'Closed' }));
    await userEvent.click(canvas.getByRole('radio', { name: 'Unassigned' }));
    await expect(args.onStateChange).toHaveBeenCalledWith('closed');
    await expect(args.onAssigneeChange).toHaveBeenCalledWith('unassigned');
    await waitFor(() => {
      const rows = canvas.getAllByRole('option');
      expect(rows.every((row) => row.textContent?.includes('Unassigned') && row.textContent.includes('Closed'))).toBe(true);
    });
  },
};

/** Tab into the list (after the two filters), arrows move, Enter picks. */
export const KeyboardSelection: Story = {
  play: async ({ canvasElement, userEvent, args }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole('listbox');
    await userEvent.click(canvas.getByRole('radio', { name: 'Mine' }));
    await userEvent.tab();
    await expect(list).toHaveFocus();
    await expect(activeOption(canvasElement)).toHaveAttribute('aria-posinset', '1');
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{ArrowUp}');
    await expect(activeOption(canvasElement)).toHaveAttribute('aria-posinset', '2');
    await userEvent.keyboard('{End}');
    await expect(activeOption(canvasElement)?.getAttribute('aria-posinset')).toBe(activeOption(canvasElement)?.getAttribute('aria-setsize'));
    await userEvent.keyboard('{Home}{Enter}');
    await expect(args.onSelect).toHaveBeenCalledWith(expect.objectContaining({ id: 51_001 }));
  },
};

/** Unread messages of a dialog's client (from the host's count of the event stream): a badge, read out in words. */
export const Unread: Story = {
  args: { unreadCounts: { 1001: 2, 1004: 12 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('listbox');
    const unread = canvasElement.querySelectorAll('[role="option"][data-unread]');
    await expect(unread).toHaveLength(2);
    await expect(unread[0]).toHaveTextContent('2 unread');
  },
};

/** Waiting for the first page: a skeleton, announced to screen readers. */
export const Loading: Story = {
  parameters: { msw: { handlers: { console: createConsoleHandlers({ latency: 'infinite' }) } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('status')).toHaveTextContent('Loading dialogs…');
    await expect(canvas.queryByRole('listbox')).toBeNull();
  },
};

/** Nothing under these filters: it says which. */
export const Empty: Story = {
  args: { operatorId: 99 },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('No open dialogs assigned to you')).toBeVisible();
  },
};

/** The proxy fails once: the error, and Retry brings the inbox back. */
export const ErrorWithRetry: Story = {
  name: 'Error',
  parameters: {
    msw: {
      handlers: {
        console: [
          failOnce('get', '/api/dialogs', { status: 504, code: 'upstream_timeout', message: 'Chat2Desk did not answer in time' }),
          ...createConsoleHandlers(),
        ],
      },
    },
  },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('Could not load dialogs');
    await expect(alert).toHaveTextContent('Chat2Desk did not answer in time');
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await expect(await canvas.findByRole('listbox')).toBeVisible();
  },
};

/** Scrolled to the end of a page, the next one loads; when it fails, what is loaded stays with Retry below. */
export const MoreFails: Story = {
  args: { operatorId: undefined, pageSize: 10 },
  parameters: {
    msw: {
      handlers: {
        console: [
          failOnce('get', '/api/dialogs', { when: (url) => url.searchParams.get('offset') !== '0' }),
          ...createConsoleHandlers(),
        ],
      },
    },
  },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('listbox');
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('Could not load dialogs');
    await expect(canvas.getAllByRole('option').length).toBeGreaterThan(0);
    const sizer = canvasElement.querySelector<HTMLElement>('.c2d-dialog-list__sizer')!;
    await expect(sizer.style.height).toBe('720px');
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    // The second page joined the first: the list is taller by its rows.
    await waitFor(() => expect(Number.parseFloat(sizer.style.height)).toBeGreaterThan(720));
    await expect(canvas.queryByRole('alert')).toBeNull();
  },
};

/** Chat2Desk's monthly quota used up: who can fix it. */
export const QuotaUsedUp: Story = {
  parameters: { msw: { handlers: { console: createFaultHandlers('quota') } } },
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert');
    await expect(alert).toHaveAttribute('data-error-code', 'upstream_quota');
    await expect(alert).toHaveTextContent('Ask your Chat2Desk admin');
  },
};

/** Russian labels, counts and the unread badge. */
export const Russian: Story = {
  args: { unreadCounts: { 1001: 3 } },
  parameters: { locale: 'ru' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('listbox', { name: 'Диалоги' })).toBeVisible();
    await expect(canvas.getByRole('radio', { name: 'Мои' })).toBeChecked();
    await expect(canvas.getByText(/^\d+ диалог(а|ов)?$/)).toBeVisible();
    await expect(canvasElement.querySelector('[data-unread]')).toHaveTextContent('3 непрочитанных');
  },
};

export const Dark: Story = {
  parameters: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const list = await within(canvasElement).findByRole('listbox');
    await expect(getComputedStyle(list.closest('.c2d')!).backgroundColor).toBe('rgb(23, 25, 29)');
  },
};

/** In a 280 px CRM side panel: the filters take a line each; names and messages end in an ellipsis, times stay. */
export const Narrow: Story = {
  parameters: { boxWidth: 280 },
  play: async ({ canvasElement }) => {
    const options = await within(canvasElement).findAllByRole('option');
    await expectWidgetsFit(canvasElement);
    await expect(rowsWithHiddenTime(options)).toEqual([]);
  },
};

/** On a wide screen: both filters on one line. */
export const Wide: Story = {
  parameters: { boxWidth: 1200 },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findAllByRole('option');
    await expectWidgetsFit(canvasElement);
    const [state, assignee] = canvasElement.querySelectorAll('fieldset');
    await expect(state!.getBoundingClientRect().top).toBe(assignee!.getBoundingClientRect().top);
  },
};

/**
 * At 280, 360 and 768 px, in both languages, with long names, a link for a name, emoji runs and
 * long words in the last messages: nothing sticks out; every row's time shows.
 */
export const FitsItsContainer: Story = {
  args: { operatorId: 1, unreadCounts: { 1000: 5, 1001: 120 } },
  parameters: { widgetBox: false, msw: { handlers: { console: [...longContentHandlers(), ...createConsoleHandlers()] } } },
  render: (args) => <FitGallery height={400} render={(locale) => <DialogList {...args} locale={locale} />} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getAllByRole('listbox')).toHaveLength(6));
    await expectWidgetsFit(canvasElement);
    await expect(rowsWithHiddenTime(canvas.getAllByRole('option'))).toEqual([]);
  },
};
