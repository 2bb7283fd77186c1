import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, waitFor, within } from 'storybook/test';
import { ClientDialogFrame } from './ClientDialogFrame.js';
import { DialogModeSwitch } from './DialogModeSwitch.js';
import { expectWidgetsFit, FitGallery } from './test/FitGallery.js';
import { createConsoleHandlers, createFaultHandlers } from './test/handlers.js';
import { widgetBox } from './test/widgetBox.js';

// Storybook's own server answers `/chat/all` with a fake Chat2Desk page, so frames load offline.
const host = window.location.origin;

const meta = {
  title: 'Dialog/ClientDialogFrame',
  component: ClientDialogFrame,
  args: { host, mode: 2, clientId: 1001, onError: fn() },
  decorators: [widgetBox({ height: 420 })],
} satisfies Meta<typeof ClientDialogFrame>;

export default meta;
type Story = StoryObj<typeof meta>;

/** By client id: the proxy finds the client's current dialog, and the frame opens it. */
export const ByClientId: Story = {
  play: async ({ canvasElement }) => {
    const frame = await within(canvasElement).findByTitle('Chat2Desk dialog 51001');
    await expect(frame).toHaveAttribute('src', `${host}/chat/all?dialogID=51001&minifiedView=2`);
  },
};

/** By phone, in any format: the client is found by its digits first. */
export const ByPhone: Story = {
  args: { clientId: undefined, phone: '+7 (701) 100-00-14' },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByTitle('Chat2Desk dialog 51002')).toBeInTheDocument();
  },
};

/** With a mode switch in the toolbar, as a CRM's lead page shows it. */
export const WithModeSwitch: Story = {
  args: { toolbar: <DialogModeSwitch value={2} onChange={() => {}} /> },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByTitle('Chat2Desk dialog 51001');
    await expect(canvas.getByRole('radio', { name: 'Dialog' })).toBeChecked();
    await expect(canvas.getByRole('link', { name: 'Open in Chat2Desk (new tab)' })).toBeVisible();
  },
};

/** While the proxy looks the dialog up. */
export const Finding: Story = {
  parameters: { msw: { handlers: { console: createConsoleHandlers({ latency: 'infinite' }) } } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('status')).toHaveTextContent('Finding the client’s dialog…');
  },
};

/** A client who never had a dialog: said in the frame's place. */
export const NoDialog: Story = {
  args: { clientId: 1012 },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('No dialog with this client yet')).toBeVisible();
  },
};

/** A phone no client has. */
export const UnknownPhone: Story = {
  args: { clientId: undefined, phone: '+1 555 0100' },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('No client has the phone +15550100')).toBeVisible();
  },
};

/** The lookup fails (the monthly quota is used up): who can fix it, and Retry. */
export const LookupFails: Story = {
  parameters: { msw: { handlers: { console: createFaultHandlers('quota') } } },
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert');
    await expect(alert).toHaveTextContent('Could not find the client’s dialog');
    await expect(alert).toHaveTextContent('Ask your Chat2Desk admin');
  },
};

/** Both a client and a phone (or neither): an inline error says what to pass. */
export const InvalidProps: Story = {
  args: { clientId: 1001, phone: '77011000007' },
  play: async ({ canvasElement, args }) => {
    await expect(await within(canvasElement).findByRole('alert')).toHaveTextContent('either a clientId');
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ reason: 'config' }));
  },
};

/** Russian. */
export const Russian: Story = {
  args: { clientId: 1012 },
  parameters: { locale: 'ru' },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('С этим клиентом ещё нет диалога')).toBeVisible();
  },
};

/** In a 280 px side panel. */
export const Narrow: Story = {
  parameters: { boxWidth: 280 },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByTitle('Chat2Desk dialog 51001');
    await expectWidgetsFit(canvasElement);
  },
};

/** On a wide screen. */
export const Wide: Story = {
  parameters: { boxWidth: 1200 },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByTitle('Chat2Desk dialog 51001');
    await expectWidgetsFit(canvasElement);
  },
};

/** "No dialog yet" at 280, 360 and 768 px in both languages, with the mode switch in the toolbar. */
export const FitsItsContainer: Story = {
  args: { clientId: 1012 },
  parameters: { widgetBox: false },
  render: (args) => (
    <FitGallery
      height={300}
      render={(locale) => (
        <ClientDialogFrame {...args} locale={locale} toolbar={<DialogModeSwitch value={2} onChange={() => {}} locale={locale} />} />
      )}
    />
  ),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelectorAll('.c2d-dialog-frame[data-state="empty"]')).toHaveLength(6));
    await expectWidgetsFit(canvasElement);
  },
};
