import type { DialogMode } from '@c2d-console/core';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, waitFor, within } from 'storybook/test';
import { DialogFrame } from './DialogFrame.js';
import { DialogModeSwitch } from './DialogModeSwitch.js';
import { ru } from './locales/ru.js';
import { expectWidgetsFit, FitGallery } from './test/FitGallery.js';
import { widgetBox } from './test/widgetBox.js';

// Storybook's own server answers `/chat/all` with a fake Chat2Desk page, so frames load offline.
const host = window.location.origin;
/** The fake holds this dialog's request open forever (see .storybook/fakeChat2DeskWebUi.ts). */
const NEVER_LOADING_DIALOG_ID = 4040;

const meta = {
  title: 'Dialog/DialogFrame',
  component: DialogFrame,
  args: { host, mode: 2, dialogId: 63, onLoad: fn(), onError: fn() },
  argTypes: { mode: { control: 'inline-radio', options: [1, 2, 3] } },
  decorators: [widgetBox({ height: 420 })],
} satisfies Meta<typeof DialogFrame>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Waits for the frame to load and returns the fake Chat2Desk page's body inside it. */
async function loadedFrame(canvasElement: HTMLElement, name: string | RegExp) {
  const canvas = within(canvasElement);
  const frame = (await canvas.findByTitle(name)) as HTMLIFrameElement;
  await waitFor(() => expect(canvas.queryByRole('status')).toBeNull(), { timeout: 10_000 });
  const body = frame.contentDocument?.body;
  await waitFor(() => expect(body?.dataset.mode).toBeDefined());
  return { frame, body: body as HTMLElement };
}

function modeStory(mode: DialogMode): Story {
  return {
    args: { mode, dialogId: 63 },
    play: async ({ canvasElement, args }) => {
      const { frame, body } = await loadedFrame(canvasElement, 'Chat2Desk dialog 63');
      await expect(frame.getAttribute('src')).toBe(`${host}/chat/all?dialogID=63&minifiedView=${mode}`);
      await expect(body.dataset.mode).toBe(String(mode));
      await expect(args.onLoad).toHaveBeenCalledTimes(1);
      const reply = within(body).queryByRole('textbox', { name: 'Reply' });
      await (mode === 3 ? expect(reply).toBeNull() : expect(reply).not.toBeNull());
    },
  };
}

/** Mode 1: the whole Chat2Desk UI without its left menu, opened on a dialog. */
export const FullView: Story = modeStory(1);
/** Mode 2: only this dialog, and the operator can reply. */
export const DialogOnly: Story = modeStory(2);
/** Mode 3: only this dialog's content, read-only. */
export const ReadOnly: Story = modeStory(3);

/** Mode 1 without a dialog: Chat2Desk's own dialog list. */
export const FullViewWithoutDialog: Story = {
  args: { mode: 1, dialogId: undefined },
  play: async ({ canvasElement }) => {
    const { frame } = await loadedFrame(canvasElement, 'Chat2Desk dialogs');
    await expect(frame.getAttribute('src')).toBe(`${host}/chat/all?minifiedView=1`);
  },
};

/** Modes 2 and 3 need a dialog: the component says so instead of showing a blank box. */
export const MissingDialog: Story = {
  args: { mode: 2, dialogId: undefined },
  play: async ({ canvasElement, args }) => {
    const alert = await within(canvasElement).findByRole('alert');
    await expect(alert).toHaveTextContent('mode 2 needs a dialogId (a positive integer)');
    await expect(canvasElement.querySelector('iframe')).toBeNull();
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ reason: 'config' }));
  },
};

/** A host that is not an https origin is refused before any frame is made. */
export const InvalidHost: Story = {
  args: { host: 'javascript:alert(1)' },
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert');
    await expect(alert).toHaveTextContent('must use https:');
    await expect(canvasElement.querySelector('iframe')).toBeNull();
  },
};

/**
 * The frame does not load in time (the operator is logged out, or third-party cookies are
 * blocked): a fallback opens the same dialog in a new tab.
 */
export const SlowOrFailedLoad: Story = {
  args: { dialogId: NEVER_LOADING_DIALOG_ID, loadTimeoutMs: 1500 },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('status')).toHaveTextContent('Loading Chat2Desk');
    const alert = await canvas.findByRole('alert', {}, { timeout: 5000 });
    await expect(alert).toHaveTextContent('third-party cookies');
    const link = canvas.getByRole('link', { name: 'Open in Chat2Desk' });
    await expect(link).toHaveAttribute('href', `${host}/chat/all?dialogID=${NEVER_LOADING_DIALOG_ID}&minifiedView=2`);
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ reason: 'timeout' }));
    await expect(args.onLoad).not.toHaveBeenCalled();
  },
};

/** Russian labels, from the `ru` pack passed as `locale` (or the provider's). */
export const Russian: Story = {
  args: { locale: ru, dialogId: NEVER_LOADING_DIALOG_ID, loadTimeoutMs: 600_000 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByTitle(`Диалог Chat2Desk ${NEVER_LOADING_DIALOG_ID}`)).toBeInTheDocument();
    await expect(canvas.getByRole('status')).toHaveTextContent('Загружаем Chat2Desk');
  },
};

/** Dark theme: the frame's border, loading and fallback panels follow the `--c2d-*` theme. */
export const Dark: Story = {
  parameters: { theme: 'dark' },
  args: { mode: 2, dialogId: NEVER_LOADING_DIALOG_ID, loadTimeoutMs: 300 },
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert', {}, { timeout: 5000 });
    await expect(getComputedStyle(alert).backgroundColor).toBe('rgb(23, 25, 29)');
  },
};

/**
 * Loaded (whatever loaded: a logged-out operator gets Chat2Desk's login page, which counts as
 * loaded too), the toolbar's "Open in Chat2Desk" is still there: the way out never waits for a
 * timeout.
 */
export const OpenInChat2DeskAlways: Story = {
  play: async ({ canvasElement }) => {
    await loadedFrame(canvasElement, 'Chat2Desk dialog 63');
    const link = within(canvasElement).getByRole('link', { name: 'Open in Chat2Desk (new tab)' });
    await expect(link).toBeVisible();
    await expect(link).toHaveAttribute('href', `${host}/chat/all?dialogID=63&minifiedView=2`);
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  },
};

/** With `DialogModeSwitch` in its toolbar: switching modes swaps the frame. */
export const WithModeSwitch: Story = {
  render: function Render(args) {
    const [mode, setMode] = useState<DialogMode>(2);
    return <DialogFrame {...args} mode={mode} toolbar={<DialogModeSwitch value={mode} onChange={setMode} />} />;
  },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    await loadedFrame(canvasElement, 'Chat2Desk dialog 63');
    await userEvent.click(canvas.getByRole('radio', { name: 'Read-only' }));
    const { frame, body } = await loadedFrame(canvasElement, 'Chat2Desk dialog 63');
    await expect(frame.getAttribute('src')).toBe(`${host}/chat/all?dialogID=63&minifiedView=3`);
    await expect(body.dataset.mode).toBe('3');
    await expect(canvas.getByRole('link', { name: 'Open in Chat2Desk (new tab)' })).toHaveAttribute('href', frame.getAttribute('src'));
  },
};

/** The toolbar with a mode switch in a 280 px side panel: the switch compacts, the link wraps under it. */
export const NarrowWithModeSwitch: Story = {
  parameters: { boxWidth: 280 },
  render: (args) => <DialogFrame {...args} toolbar={<DialogModeSwitch value={2} onChange={() => {}} />} />,
  play: async ({ canvasElement }) => {
    await loadedFrame(canvasElement, 'Chat2Desk dialog 63');
    await expectWidgetsFit(canvasElement);
  },
};

/** In a 280 px CRM side panel: the fake Chat2Desk page fills the frame. */
export const Narrow: Story = {
  parameters: { boxWidth: 280 },
  play: async ({ canvasElement }) => {
    const { body } = await loadedFrame(canvasElement, 'Chat2Desk dialog 63');
    await expectWidgetsFit(canvasElement);
    await expect(body.scrollWidth).toBeLessThanOrEqual(body.clientWidth);
  },
};

/** On a wide screen. */
export const Wide: Story = {
  parameters: { boxWidth: 1200 },
  play: async ({ canvasElement }) => {
    await loadedFrame(canvasElement, 'Chat2Desk dialog 63');
    await expectWidgetsFit(canvasElement);
  },
};

/**
 * The fallback (the frame did not load) at 280, 360 and 768 px, in both languages: the title,
 * the reason and both buttons wrap inside the frame.
 */
export const FitsItsContainer: Story = {
  args: { dialogId: NEVER_LOADING_DIALOG_ID, loadTimeoutMs: 100 },
  parameters: { widgetBox: false },
  render: (args) => <FitGallery height={300} render={(locale) => <DialogFrame {...args} locale={locale} />} />,
  play: async ({ canvasElement }) => {
    // Each of the six: the toolbar's link and the fallback's.
    await waitFor(() => expect(within(canvasElement).getAllByRole('link')).toHaveLength(12), { timeout: 5000 });
    await expectWidgetsFit(canvasElement);
  },
};
