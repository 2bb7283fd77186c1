import type { Meta, StoryObj } from '@storybook/react-vite';
import { delay, http } from 'msw';
import { expect, fn, waitFor, within } from 'storybook/test';
import { DialogActions } from './DialogActions.js';
import { forbiddenMessage } from './test/fakeOperatorWork.js';
import { expectWidgetsFit, FitGallery } from './test/FitGallery.js';
import { createConsoleHandlers, createFaultHandlers, failOnce } from './test/handlers.js';
import { widgetBox } from './test/widgetBox.js';
import { TransferHistory } from './TransferHistory.js';

/** Client 1001's dialog: open, held by Max Turner. */
const OPEN_DIALOG = 51_001;
/** Client 1003's dialog: closed. */
const CLOSED_DIALOG = 51_003;

const meta = {
  title: 'Dialogs/DialogActions',
  component: DialogActions,
  args: { dialogId: OPEN_DIALOG, onDone: fn() },
  decorators: [widgetBox({ maxWidth: 420 })],
} satisfies Meta<typeof DialogActions>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A fake proxy of the story's own: what one story's actions change, no other story sees. */
const ownAccount = (options: Parameters<typeof createConsoleHandlers>[0] = {}) => ({
  msw: { handlers: { console: createConsoleHandlers(options) } },
});
/** Answers `POST path` only after `ms`, so what shows meanwhile can be seen and tested. */
const slow = (path: string, ms = 700) =>
  http.post(`/api${path}`, async () => {
    await delay(ms);
    return undefined;
  });

/** An open dialog: its state and operator, Transfer and Close. */
export const Default: Story = {
  parameters: ownAccount(),
  play: async ({ canvasElement }) => {
    const bar = await within(canvasElement).findByRole('group', { name: 'Dialog actions' });
    await waitFor(() => expect(bar).toHaveTextContent('Open · Max Turner'));
    await expect(within(bar).getByRole('button', { name: 'Transfer…' })).toBeEnabled();
    await expect(within(bar).getByRole('button', { name: 'Close dialog' })).toBeEnabled();
  },
};

/**
 * Transfer by keyboard: the search box, arrows and Enter, a confirmation; the transfer shows in
 * the dialog's history at once ("Transferring…") and stays once the proxy confirms it.
 */
export const Transfer: Story = {
  parameters: { msw: { handlers: { console: [slow(`/dialogs/${OPEN_DIALOG}/transfer`), ...createConsoleHandlers()] } } },
  render: (args) => (
    <div style={{ display: 'grid', gap: 16 }}>
      <DialogActions {...args} />
      <TransferHistory dialogId={args.dialogId} />
    </div>
  ),
  play: async ({ canvasElement, userEvent, args }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('list', { name: 'Transfer history' });
    await userEvent.click(await canvas.findByRole('button', { name: 'Transfer…' }));
    const search = canvas.getByRole('combobox', { name: 'Transfer to' });
    await expect(search).toHaveFocus();
    await userEvent.type(search, 'алия');
    await expect(within(canvas.getByRole('listbox')).getAllByRole('option')).toHaveLength(1);
    await userEvent.keyboard('{Enter}');
    const confirm = canvas.getByRole('group', { name: 'Transfer this dialog to Алия Нурпеисова?' });
    await userEvent.click(within(confirm).getByRole('button', { name: 'Transfer' }));
    const pending = await canvas.findByText('Transferring…', { selector: '.c2d-transfers__time' });
    await expect(pending.closest('li')).toHaveTextContent('Max Turner → to Алия Нурпеисова');
    await waitFor(() => expect(args.onDone).toHaveBeenCalledWith('transfer', expect.objectContaining({ operatorId: 1 })));
    await waitFor(() => expect(canvas.getByRole('group', { name: 'Dialog actions' })).toHaveTextContent('Open · Алия Нурпеисова'));
    await expect(canvas.queryByText('Transferring…', { selector: '.c2d-transfers__time' })).toBeNull();
    await expect(canvas.getAllByRole('listitem')[0]).toHaveTextContent('Max Turner → to Алия Нурпеисова');
  },
};

/** Handing the dialog to a group. */
export const TransferToGroup: Story = {
  parameters: ownAccount(),
  play: async ({ canvasElement, userEvent, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Transfer…' }));
    await userEvent.click(await canvas.findByRole('option', { name: /Support/ }));
    await userEvent.click(canvas.getByRole('button', { name: 'Transfer' }));
    await waitFor(() => expect(args.onDone).toHaveBeenCalledWith('transfer', expect.anything()));
    await expect(canvas.getByRole('status')).toHaveTextContent('Dialog transferred to Support');
  },
};

/** Nobody matches the search: it says so. */
export const TransferNoMatches: Story = {
  parameters: ownAccount(),
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Transfer…' }));
    await canvas.findByRole('listbox');
    await userEvent.type(canvas.getByRole('combobox'), 'zzz');
    await expect(await canvas.findByText('Nobody matches')).toBeVisible();
    await expect(canvas.getByRole('combobox')).toHaveAttribute('aria-expanded', 'false');
  },
};

/** Close asks first; Escape goes back without doing anything. */
export const CloseCancelled: Story = {
  parameters: ownAccount(),
  play: async ({ canvasElement, userEvent, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Close dialog' }));
    const confirm = canvas.getByRole('group', { name: 'Close this dialog?' });
    await expect(within(confirm).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    await expect(canvas.queryByRole('group', { name: 'Close this dialog?' })).toBeNull();
    await expect(canvas.getByRole('button', { name: 'Transfer…' })).toHaveFocus();
    await expect(args.onDone).not.toHaveBeenCalled();
  },
};

/** Confirmed, the widget is busy (a spinner, the buttons off) until the proxy answers, then offers Reopen. */
export const Close: Story = {
  parameters: { msw: { handlers: { console: [slow(`/dialogs/${OPEN_DIALOG}/close`), ...createConsoleHandlers()] } } },
  play: async ({ canvasElement, userEvent, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Close dialog' }));
    await userEvent.click(within(canvas.getByRole('group', { name: 'Close this dialog?' })).getByRole('button', { name: 'Close dialog' }));
    await waitFor(() => expect(canvasElement.querySelector('.c2d-dialog-actions')).toHaveAttribute('aria-busy', 'true'));
    await expect(within(canvas.getByRole('group', { name: 'Close this dialog?' })).getByRole('button', { name: 'Close dialog' })).toBeDisabled();
    await waitFor(() => expect(args.onDone).toHaveBeenCalledWith('close', expect.objectContaining({ state: 'closed' })));
    await expect(canvas.getByRole('button', { name: 'Reopen' })).toBeEnabled();
    await expect(canvas.getByRole('status')).toHaveTextContent('Dialog closed');
  },
};

/** A closed dialog: Reopen, without a confirmation (nothing is lost). */
export const Closed: Story = {
  args: { dialogId: CLOSED_DIALOG },
  parameters: ownAccount(),
  play: async ({ canvasElement, userEvent, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Reopen' }));
    await waitFor(() => expect(args.onDone).toHaveBeenCalledWith('reopen', expect.objectContaining({ state: 'open' })));
    await expect(canvas.getByRole('button', { name: 'Close dialog' })).toBeVisible();
  },
};

/** The proxy fails: the reason inline, the confirmation stays, and trying again works. */
export const Failure: Story = {
  parameters: {
    msw: {
      handlers: {
        console: [
          failOnce('post', `/api/dialogs/${OPEN_DIALOG}/close`, { status: 504, code: 'upstream_timeout', message: 'Chat2Desk did not answer in time' }),
          ...createConsoleHandlers(),
        ],
      },
    },
  },
  play: async ({ canvasElement, userEvent, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Close dialog' }));
    const confirm = canvas.getByRole('group', { name: 'Close this dialog?' });
    await userEvent.click(within(confirm).getByRole('button', { name: 'Close dialog' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Could not close the dialog: Chat2Desk did not answer in time');
    await expect(canvas.getByRole('group', { name: 'Dialog actions' })).toHaveTextContent('Open');
    await userEvent.click(within(confirm).getByRole('button', { name: 'Close dialog' }));
    await waitFor(() => expect(args.onDone).toHaveBeenCalledWith('close', expect.anything()));
  },
};

/** A read-only seat: the proxy refuses (403); the reason shows, naming the right it lacks. */
export const ReadOnlySeat: Story = {
  parameters: ownAccount({ forbidden: ['transfer', 'close', 'reopen'] }),
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Close dialog' }));
    await userEvent.click(within(canvas.getByRole('group', { name: 'Close this dialog?' })).getByRole('button', { name: 'Close dialog' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent(`Could not close the dialog: ${forbiddenMessage('close')}`);
    await expect(canvas.getByRole('group', { name: 'Dialog actions' })).toHaveTextContent('Open · Max Turner');
  },
};

/** While the dialog loads. */
export const Loading: Story = {
  parameters: ownAccount({ latency: 'infinite' }),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Loading the dialog…')).toHaveAttribute('role', 'status');
  },
};

/** The dialog cannot be loaded: the reason, and Retry. */
export const LoadError: Story = {
  parameters: { msw: { handlers: { console: createFaultHandlers('quota') } } },
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert');
    await expect(alert).toHaveTextContent('Could not load the dialog');
    await expect(alert).toHaveTextContent('Ask your Chat2Desk admin');
    await expect(within(alert).getByRole('button', { name: 'Retry' })).toBeVisible();
  },
};

/** Russian: the picker and the confirmation. */
export const Russian: Story = {
  parameters: { ...ownAccount(), locale: 'ru' },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    const bar = await canvas.findByRole('group', { name: 'Действия с диалогом' });
    await waitFor(() => expect(bar).toHaveTextContent('Открыт · Max Turner'));
    await userEvent.click(canvas.getByRole('button', { name: 'Передать…' }));
    await userEvent.click(await canvas.findByRole('option', { name: /Олег Смирнов/ }));
    await expect(canvas.getByRole('group', { name: 'Передать диалог: Олег Смирнов?' })).toHaveTextContent('Этот оператор сейчас не в сети.');
  },
};

export const Dark: Story = {
  parameters: { ...ownAccount(), theme: 'dark' },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Close dialog' }));
    await expect(canvas.getByRole('group', { name: 'Close this dialog?' })).toBeVisible();
  },
};

/** Opens every picker on the canvas and waits for their options. */
async function openPickers(canvasElement: HTMLElement, label: RegExp) {
  const canvas = within(canvasElement);
  await waitFor(() => expect(canvas.getAllByRole('button', { name: label })).toHaveLength(canvasElement.querySelectorAll('.c2d-dialog-actions').length));
  for (const button of canvas.getAllByRole('button', { name: label })) button.click();
  await waitFor(() => expect(canvas.getAllByRole('listbox')).toHaveLength(canvasElement.querySelectorAll('.c2d-dialog-actions').length));
}

/** In a 280 px side panel, the picker open: the buttons wrap, names wrap. */
export const Narrow: Story = {
  parameters: { ...ownAccount(), boxWidth: 280 },
  play: async ({ canvasElement }) => {
    await openPickers(canvasElement, /Transfer…/);
    await expectWidgetsFit(canvasElement);
  },
};

/** On a wide screen. */
export const Wide: Story = {
  parameters: { ...ownAccount(), boxWidth: 1200 },
  play: async ({ canvasElement }) => {
    await openPickers(canvasElement, /Transfer…/);
    await expectWidgetsFit(canvasElement);
  },
};

/** At 280, 360 and 768 px, in both languages, with the transfer picker open: nothing sticks out. */
export const FitsItsContainer: Story = {
  parameters: { ...ownAccount(), widgetBox: false },
  render: (args) => <FitGallery render={(locale) => <DialogActions {...args} locale={locale} />} />,
  play: async ({ canvasElement }) => {
    await openPickers(canvasElement, /Transfer…|Передать…/);
    await expectWidgetsFit(canvasElement);
  },
};
